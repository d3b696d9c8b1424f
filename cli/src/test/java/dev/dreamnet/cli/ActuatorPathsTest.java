package dev.dreamnet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActuatorPathsTest {

    @Test
    void eachReadGoesToTheEndpointsPartWithTheSameView() throws Exception {
        assertThat(ActuatorPaths.read("api/observability/summary")).isEqualTo("dreamnet");
        assertThat(ActuatorPaths.read("api/observability/circuit-breakers")).isEqualTo("dreamnet/breakers");
        assertThat(ActuatorPaths.read("api/integration-flags")).isEqualTo("dreamnet/flags");
        assertThat(ActuatorPaths.read("api/observability/golden-signals")).isEqualTo("dreamnet/signals");
        assertThat(ActuatorPaths.read("api/observability/fleet")).isEqualTo("dreamnet/fleet");
        assertThat(ActuatorPaths.read("api/observability/audit?limit=20")).isEqualTo("dreamnet/audit?limit=20");
        assertThat(ActuatorPaths.read("api/observability/slos")).isEqualTo("dreamnet/slos");
    }

    @Test
    void eachWriteBecomesTheEndpointsOperationWithItsFields() throws Exception {
        assertThat(ActuatorPaths.write("api/integration-flags/brownout/enable", Map.of("reason", "INC-4")))
                .isEqualTo(new ActuatorPaths.Request("dreamnet/modes/brownout",
                        Map.of("enabled", true, "reason", "INC-4")));
        assertThat(ActuatorPaths.write("api/integration-flags/write-drain/disable", Map.of()))
                .isEqualTo(new ActuatorPaths.Request("dreamnet/kill-switches/write-drain", Map.of("enabled", false)));
        assertThat(ActuatorPaths.write("api/admin/breakers/pay%20ments/force-open", Map.of()))
                .isEqualTo(new ActuatorPaths.Request("dreamnet/breakers/pay%20ments", Map.of("action", "force-open")));
        assertThat(ActuatorPaths.write("api/admin/rollouts/search-v2/rollback", Map.of("reason", "slow")))
                .isEqualTo(new ActuatorPaths.Request("dreamnet/rollouts/search-v2",
                        Map.of("action", "rollback", "reason", "slow")));
        assertThat(ActuatorPaths.write("api/integration-flags/flags/recommendations/override",
                Map.of("enabled", false, "reason", "INC-2")))
                .isEqualTo(new ActuatorPaths.Request("dreamnet/overrides/recommendations",
                        Map.of("enabled", false, "reason", "INC-2")));
        assertThat(ActuatorPaths.write("api/integration-flags/flags/recommendations/clear-override",
                Map.of("reason", "INC-2 over & done")))
                .as("a DELETE, its reason a query parameter")
                .isEqualTo(new ActuatorPaths.Request("dreamnet/overrides/recommendations?reason=INC-2+over+%26+done",
                        Map.of(), true));
        assertThat(ActuatorPaths.write("api/admin/overload/pin", Map.of()))
                .isEqualTo(new ActuatorPaths.Request("dreamnet/overload/pin", Map.of()));
        assertThat(ActuatorPaths.write("api/admin/rollouts",
                Map.of("name", "search-v2", "steps", List.of(1.0, 10.0, 100.0), "minRequests", 50)))
                .as("actuator takes single values: the steps joined by commas")
                .isEqualTo(new ActuatorPaths.Request("dreamnet/rollouts",
                        Map.of("name", "search-v2", "steps", "1.0,10.0,100.0", "minRequests", 50)));
    }

    @Test
    void whatTheEndpointDoesNotHaveIsRefusedBeforeAnythingIsSent() {
        for (String path : List.of("api/observability/queues", "api/observability/queues/dream-events/dead-letters")) {
            assertThatThrownBy(() -> ActuatorPaths.read(path)).isInstanceOf(ClientException.class)
                    .hasMessageContaining("no equivalent of /" + path).hasMessageContaining("nothing was sent")
                    .satisfies(e -> assertThat(((ClientException) e).exitCode()).isEqualTo(ExitCodes.NOT_FOUND));
        }
        assertThatThrownBy(() -> ActuatorPaths.write("api/integration-flags/agents/citadel/quarantine", Map.of()))
                .isInstanceOf(ClientException.class).hasMessageContaining("agents");
    }
}
