package dev.dreamnet.reference.metrics;

import static dev.dreamnet.reference.support.GraphJson.service;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dreamnet.reference.DreamnetServer;
import dev.dreamnet.reference.support.DagJson;
import dev.dreamnet.reference.support.GraphJson;
import dev.dreamnet.reference.support.Http;
import dev.dreamnet.reference.support.Servers;
import dev.dreamnet.reference.support.TestCustomizer;
import dev.dreamnet.testing.BlockingComponent;
import dev.dreamnet.runtime.auth.AccessControl;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression: a fresh server's summary said "50% of requests failed with 5xx": its own 503 probes while starting. And
 * an operator's console polling a server whose database breaker was open made 10% of its requests 5xx: the
 * operators' own routes are no more the service's traffic than the probes are.
 */
class ProbesAreNotTrafficTest {

    @TempDir
    Path dir;

    private final BlockingComponent gated = new BlockingComponent();
    private DreamnetServer server;

    @AfterEach
    void stop() {
        gated.release();
        server.shutdown();
    }

    @Test
    void probesAnswered503WhileStartingLeaveTheOverallSignalsAndTheSummaryAt0PercentServerErrors() throws Exception {
        server = Servers.start(dir, GraphJson.reference(service("gated").kind("gated").dependsOn("database")),
                new TestCustomizer().kind("gated", gated));
        Http http = new Http(server.port());
        assertThat(gated.awaitStarting(Servers.DEADLINE)).isTrue();
        for (int i = 0; i < 3; i++) {
            assertThat(http.get("/health/ready").status()).isEqualTo(503);
            assertThat(http.get("/health/startup").status()).isEqualTo(503);
        }
        gated.release();
        Servers.awaitReady(http);
        http.get("/api/dreams");

        JsonNode summary = http.get("/api/observability/summary").json();
        JsonNode signals = http.get("/api/observability/golden-signals").json();

        assertThat(summary.get("goldenSignals").get("1m").get("errors").get("serverErrors").asLong()).isZero();
        assertThat(summary.get("goldenSignals").get("1m").get("errors").get("serverErrorRate").asDouble()).isZero();
        assertThat(summary.get("attention").toString()).doesNotContain("5xx");
        JsonNode ready = DagJson.entry(signals, "routes", "GET /health/ready", "route").get("windows").get("1m");
        assertThat(ready.get("errors").get("serverErrors").asLong()).as("still shown per route").isGreaterThanOrEqualTo(3);
    }

    @Test
    void operatorRoutesAnswered503AreShownPerRouteButAreNotTheServicesTraffic() throws Exception {
        server = DreamnetServer.start(Servers.config(dir, GraphJson.reference().writeTo(dir))
                .environment(Map.of(AccessControl.ADMIN_TOKENS, "traffic-admin")).build());
        Http http = new Http(server.port());
        Http admin = http.bearer("traffic-admin");
        Servers.awaitReady(http);
        assertThat(http.get("/api/dreams").status()).isEqualTo(200);
        assertThat(http.get("/api/dreams").status()).isEqualTo(200);

        assertThat(admin.post("/api/admin/breakers/database/force-open", "{\"reason\": \"held open\"}").status())
                .isEqualTo(200);
        for (int i = 0; i < 3; i++) {
            assertThat(http.get("/api/observability/queues").status()).as("needs the database").isEqualTo(503);
        }
        assertThat(admin.post("/api/admin/breakers/database/reset", "{\"reason\": \"let go\"}").status())
                .isEqualTo(200);

        JsonNode summary = http.get("/api/observability/summary").json();
        JsonNode signals = http.get("/api/observability/golden-signals").json();
        JsonNode overall = summary.get("goldenSignals").get("1m");
        assertThat(overall.get("traffic").get("requests").asLong()).as("the two reads of dreams only").isEqualTo(2);
        assertThat(overall.get("errors").get("serverErrors").asLong()).isZero();
        assertThat(summary.get("attention").toString()).doesNotContain("5xx");
        JsonNode queues = DagJson.entry(signals, "routes", "GET /api/observability/queues", "route").get("windows")
                .get("1m");
        assertThat(queues.get("errors").get("serverErrors").asLong()).as("still shown per route").isEqualTo(3);
    }
}
