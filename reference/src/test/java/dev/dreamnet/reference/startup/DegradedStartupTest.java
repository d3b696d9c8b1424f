package dev.dreamnet.reference.startup;

import static dev.dreamnet.reference.support.GraphJson.service;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dreamnet.core.startup.StartupSnapshot;
import dev.dreamnet.core.startup.StartupStatus;
import dev.dreamnet.reference.DreamnetServer;
import dev.dreamnet.reference.support.DagJson;
import dev.dreamnet.reference.support.GraphJson;
import dev.dreamnet.reference.support.Http;
import dev.dreamnet.reference.support.Reply;
import dev.dreamnet.reference.support.Servers;
import dev.dreamnet.reference.support.TestCustomizer;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A non-critical service that cannot start: its dependents are blocked, everything else serves. */
class DegradedStartupTest {

    @TempDir
    Path dir;

    private DreamnetServer server;
    private Http http;
    private StartupSnapshot startup;

    @BeforeEach
    void startWithAnUnreachableNonCriticalCache() throws Exception {
        GraphJson graph = GraphJson.reference(
                service("cache").kind("tcp").critical(false).retries(0)
                        .readiness("host", "127.0.0.1").readiness("port", DagJson.closedPort()),
                service("warmup").dependsOn("cache").critical(false));
        server = Servers.start(dir, graph, new TestCustomizer().kind("warmup", () -> { }));
        http = new Http(server.port());
        startup = server.started().get(Servers.DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    }

    @AfterEach
    void stop() {
        server.shutdown();
    }

    @Test
    void startupEndsDegradedNamingWhatIsNotRunning() {
        assertThat(startup.status()).isEqualTo(StartupStatus.DEGRADED);
        assertThat(startup.reason()).contains("cache failed", "warmup blocked");
        Reply probe = http.get("/health/startup");
        assertThat(probe.status()).isEqualTo(200);
        assertThat(probe.text("status")).isEqualTo("DEGRADED");
    }

    @Test
    void readinessIs200DegradedAndListsTheFailedServiceAndTheOneItBlocks() {
        Servers.awaitReady(http);
        JsonNode ready = http.get("/health/ready").json();

        assertThat(ready.get("status").asText()).isEqualTo("DEGRADED");
        JsonNode cache = DagJson.entry(ready, "notRunning", "cache");
        assertThat(cache.get("state").asText()).isEqualTo("FAILED");
        assertThat(cache.get("error").asText()).contains("cannot connect to 127.0.0.1:");
        JsonNode warmup = DagJson.entry(ready, "notRunning", "warmup");
        assertThat(warmup.get("state").asText()).isEqualTo("BLOCKED");
        assertThat(warmup.get("blockedBy").asText()).isEqualTo("cache");
        assertThat(ready.get("notRunning")).hasSize(2);
    }

    @Test
    void theUnrelatedCriticalBranchIsReadyAndServes() {
        JsonNode dag = http.get("/api/observability/startup-dag").json();

        assertThat(DagJson.states(dag)).containsEntry("database", "READY").containsEntry("migrations", "READY")
                .containsEntry("core", "READY").containsEntry("api", "READY")
                .containsEntry("cache", "FAILED").containsEntry("warmup", "BLOCKED");
        assertThat(DagJson.entry(dag, "nodes", "warmup").get("blockedBy").asText()).isEqualTo("cache");
        Servers.awaitReady(http);
        assertThat(http.post("/api/dreams", "{\"title\": \"still dreaming\"}").status()).isEqualTo(201);
    }
}
