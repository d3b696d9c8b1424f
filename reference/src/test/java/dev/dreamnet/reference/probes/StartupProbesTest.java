package dev.dreamnet.reference.probes;

import static dev.dreamnet.reference.support.GraphJson.service;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dreamnet.reference.DreamnetServer;
import dev.dreamnet.reference.support.DagJson;
import dev.dreamnet.reference.support.GraphJson;
import dev.dreamnet.reference.support.Http;
import dev.dreamnet.reference.support.Reply;
import dev.dreamnet.reference.support.Servers;
import dev.dreamnet.reference.support.TestCustomizer;
import dev.dreamnet.testing.BlockingComponent;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probes and the application routes while a service is still starting, and once it is ready. */
class StartupProbesTest {

    @TempDir
    Path dir;

    private final BlockingComponent gated = new BlockingComponent();
    private DreamnetServer server;
    private Http http;

    @BeforeEach
    void startWithAServiceThatHangsUntilReleased() throws Exception {
        server = Servers.start(dir, GraphJson.reference(service("gated").kind("gated").dependsOn("database")),
                new TestCustomizer().kind("gated", gated));
        http = new Http(server.port());
        assertThat(gated.awaitStarting(Servers.DEADLINE)).as("gated service began starting").isTrue();
    }

    @AfterEach
    void stop() {
        gated.release();
        server.shutdown();
    }

    @Test
    void whileAServiceIsStartingTheProcessIsLiveButNeitherStartedNorReady() {
        assertThat(http.get("/health/live").status()).isEqualTo(200);
        Reply startup = http.get("/health/startup");
        assertThat(startup.status()).isEqualTo(503);
        assertThat(startup.text("status")).isEqualTo("STARTING");
        assertThat(startup.json().get("reason").isNull()).as("regression: reason was the string \"null\"").isTrue();
        Reply ready = http.get("/health/ready");
        assertThat(ready.status()).isEqualTo(503);
        assertThat(ready.text("status")).isEqualTo("NOT_READY");
    }

    // Regression: the 503 said "startup has not begun" while startup was in progress.
    @Test
    void whileAServiceIsStartingApplicationRoutesAnswer503WithRetryAfterAndAJsonReason() {
        Reply dreams = http.get("/api/dreams");

        assertThat(dreams.status()).isEqualTo(503);
        assertThat(dreams.header("Retry-After")).isNotBlank();
        assertThat(dreams.header("Content-Type")).startsWith("application/json");
        assertThat(dreams.text("error")).isEqualTo("not ready");
        assertThat(dreams.text("detail")).contains("startup in progress");
    }

    @Test
    void theStartupDagShowsTheHangingServiceStartingAndItsDependencyReady() {
        JsonNode dag = http.get("/api/observability/startup-dag").json();

        assertThat(dag.get("status").asText()).isEqualTo("STARTING");
        assertThat(DagJson.entry(dag, "nodes", "gated").get("state").asText()).isEqualTo("STARTING");
        assertThat(DagJson.entry(dag, "nodes", "database").get("state").asText()).isEqualTo("READY");
    }

    @Test
    void onceReleasedTheServiceTurnsReadyAndTheDreamsApiWorks() {
        gated.release();
        Servers.awaitReady(http);

        assertThat(http.get("/health/startup").text("status")).isEqualTo("READY");
        Reply created = http.post("/api/dreams", "{\"title\": \"flying\", \"body\": \"over the sea\"}");
        assertThat(created.status()).isEqualTo(201);
        String location = created.header("Location");
        assertThat(location).isEqualTo("/api/dreams/" + created.json().get("id").asLong());
        Reply read = http.get(location);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.text("title")).isEqualTo("flying");
        assertThat(read.text("body")).isEqualTo("over the sea");
        assertThat(http.get("/api/dreams").json().get("dreams").get(0).get("title").asText()).isEqualTo("flying");
        Reply missing = http.get("/api/dreams/999999");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.text("error")).isEqualTo("not found");
        assertThat(missing.text("detail")).contains("999999");
    }
}
