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
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A critical service that cannot start aborts startup and stops what had already started. */
class FailedStartupTest {

    @TempDir
    Path dir;

    private DreamnetServer server;
    private Http http;
    private StartupSnapshot startup;

    @BeforeEach
    void startWithAnUnreachableCriticalServiceAfterCore() throws Exception {
        GraphJson graph = GraphJson.reference(service("payments").kind("tcp").dependsOn("core").retries(0)
                .readiness("host", "127.0.0.1").readiness("port", DagJson.closedPort()));
        server = Servers.start(dir, graph);
        http = new Http(server.port());
        startup = server.started().get(Servers.DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    }

    @AfterEach
    void stop() {
        server.shutdown();
    }

    @Test
    void startupFailsNamingTheCriticalService() {
        assertThat(startup.status()).isEqualTo(StartupStatus.FAILED);
        assertThat(startup.reason()).startsWith("critical service \"payments\" failed after 1 attempt(s)")
                .contains("cannot connect to 127.0.0.1:");
    }

    @Test
    void theStartupProbeIs503WithTheReason() {
        Reply probe = http.get("/health/startup");

        assertThat(probe.status()).isEqualTo(503);
        assertThat(probe.text("status")).isEqualTo("FAILED");
        assertThat(probe.text("reason")).contains("critical service \"payments\" failed");
    }

    @Test
    void applicationRoutesAnswer503WithTheReasonButTheProcessIsLive() {
        Reply dreams = http.get("/api/dreams");

        assertThat(dreams.status()).isEqualTo(503);
        assertThat(dreams.header("Retry-After")).isNotBlank();
        assertThat(dreams.text("detail")).startsWith("startup failed: critical service \"payments\"");
        assertThat(http.get("/health/ready").status()).isEqualTo(503);
        assertThat(http.get("/health/live").status()).isEqualTo(200);
    }

    @Test
    void whatHadStartedIsStoppedAndTheFailedServiceIsFailed() {
        JsonNode dag = http.get("/api/observability/startup-dag").json();

        assertThat(dag.get("status").asText()).isEqualTo("FAILED");
        assertThat(DagJson.states(dag)).containsEntry("database", "STOPPED").containsEntry("migrations", "STOPPED")
                .containsEntry("core", "STOPPED").containsEntry("payments", "FAILED");
        assertThat(DagJson.states(dag).get("api")).isIn("STOPPED", "BLOCKED", "FAILED");
    }
}
