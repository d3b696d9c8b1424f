package dev.dreamnet.reference.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dreamnet.reference.DreamnetServer;
import dev.dreamnet.runtime.auth.AccessControl;
import dev.dreamnet.reference.support.FlagServer;
import dev.dreamnet.reference.support.Http;
import dev.dreamnet.reference.support.Servers;
import dev.dreamnet.testing.PostgresTestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances on one real PostgreSQL database: each sees both in the fleet; a brownout switched
 * on through one is followed by the other and the fleet converges on its version; an instance that
 * shuts down leaves the fleet at once.
 */
class FleetRegistryPostgresTest {

    private static final String ADMIN = "fleet-admin-token";

    @TempDir
    Path dir;

    private PostgresTestDatabase database;
    private DreamnetServer first;
    private DreamnetServer second;

    @BeforeEach
    void startTwoInstances() throws Exception {
        database = PostgresTestDatabase.create("dreamnet_fleet");
        first = start("one");
        second = start("two");
    }

    private DreamnetServer start(String name) throws Exception {
        Path home = Files.createDirectories(dir.resolve(name));
        Path flags = Files.copy(FlagServer.SHIPPED_FLAGS, home.resolve("feature-flags.yaml"));
        DreamnetServer server = DreamnetServer.start(Servers.config(home, FlagServer.SHIPPED_GRAPH)
                .jdbcUrl(database.jdbcUrl()).queuesFile(FlagServer.SHIPPED_QUEUES).flagsFile(flags)
                .environment(Map.of(AccessControl.ADMIN_TOKENS, ADMIN)).build());
        Servers.awaitReady(new Http(server.port()));
        return server;
    }

    @AfterEach
    void stop() throws Exception {
        for (DreamnetServer server : new DreamnetServer[] {first, second}) {
            if (server != null) {
                server.shutdown();
            }
        }
        database.close();
    }

    @Test
    void eachInstanceSeesBothAndAChangeThroughOneIsFollowedByTheOther() {
        Http one = new Http(first.port());
        await("both registered").atMost(Servers.DEADLINE).until(() -> fleet(one).get("live").asInt() == 2);
        assertThat(fleet(one).get("converged").asBoolean()).isTrue();
        assertThat(fleet(new Http(second.port())).get("live").asInt()).isEqualTo(2);

        assertThat(one.bearer(ADMIN).post("/api/integration-flags/brownout/enable", "{\"reason\": \"fleet test\"}")
                .status()).isEqualTo(200);

        Http two = new Http(second.port());
        await("the other instance follows").atMost(Servers.DEADLINE)
                .until(() -> two.get("/api/integration-flags").json().at("/state/mode").asText().equals("BROWNOUT"));
        // The version the writer installed before answering; its own listener follows it a moment later.
        long latest = one.get("/api/integration-flags").json().at("/state/version").asLong();
        await("the fleet converges on the new version").atMost(Servers.DEADLINE).until(() -> {
            JsonNode fleet = fleet(two);
            return fleet.get("converged").asBoolean() && fleet.get("stateVersions").toString().equals("[" + latest + "]");
        });
        assertThat(fleet(one).at("/sharedState/stale").asBoolean()).isFalse();
        assertThat(two.get("/metrics").body()).contains("dreamnet_shared_state_stale 0.0")
                .contains("dreamnet_shared_state_version " + latest + ".0");
        assertThat(one.get("/api/observability/audit").json().toString()).contains("fleet test");

        second.shutdown();
        assertThat(fleet(one).get("live").asInt()).as("a stopped instance leaves at once").isEqualTo(1);
    }

    private static JsonNode fleet(Http http) {
        return http.get("/api/observability/fleet").json();
    }
}
