package dev.dreamnet.reference.queues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dreamnet.reference.DreamnetServer;
import dev.dreamnet.reference.ServerConfig;
import dev.dreamnet.reference.support.DagJson;
import dev.dreamnet.reference.support.FlagServer;
import dev.dreamnet.reference.support.Http;
import dev.dreamnet.reference.support.Servers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference service's queues end to end on a real backend: every accepted dream reaches both
 * agents through their queues, a poison event lands in the dead-letter queue after its attempts with
 * its error, and the counts show at the queues endpoint, in {@code /metrics} and in the watchdogs.
 */
abstract class DreamEventsPipelineContract {

    static final String QUEUES = """
            queues:
              dream-events.citadel:
                maxAttempts: 2
                redeliveryDelay: 100ms
                visibilityTimeout: 5s
              dream-events.dronedome:
                maxAttempts: 2
                redeliveryDelay: 100ms
                visibilityTimeout: 5s
            """;

    @TempDir
    Path dir;

    DreamnetServer server;
    Http http;

    /** The server configuration of the backend under test: database and queue. */
    abstract ServerConfig.Builder backend(ServerConfig.Builder config);

    void start(String queuesYaml) throws Exception {
        Path queues = Files.writeString(dir.resolve("queues.yaml"), queuesYaml);
        server = DreamnetServer.start(backend(Servers.config(dir, FlagServer.SHIPPED_GRAPH).queuesFile(queues)).build());
        http = new Http(server.port());
        Servers.awaitReady(http);
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.shutdown();
        }
        afterServerStopped();
    }

    /** Cleans up what the backend made for this test, once the server is down. */
    void afterServerStopped() throws Exception {
    }

    @Test
    void everyAcceptedDreamReachesBothAgentsThroughTheirQueues() throws Exception {
        start(QUEUES);
        long last = 0;
        for (int i = 0; i < 7; i++) {
            last = http.post("/api/dreams", "{\"title\": \"dream " + i + "\"}").json().get("id").asLong();
        }

        await("both agents processed all seven").atMost(Servers.DEADLINE)
                .until(() -> processed("citadel") == 7 && processed("dronedome") == 7);
        JsonNode queues = http.get("/api/observability/queues").json();
        assertThat(queues.get("relay").get("lastPublishedDreamId").asLong()).isEqualTo(last);
        for (String agent : new String[] {"citadel", "dronedome"}) {
            JsonNode queue = DagJson.entry(queues, "queues", "dream-events." + agent);
            assertThat(queue.get("depth").asLong()).isZero();
            assertThat(queue.get("deadLetterDepth").asLong()).isZero();
        }
    }

    @Test
    void aPoisonEventLandsInTheDeadLetterQueueAfterItsAttemptsWithItsError() throws Exception {
        start(QUEUES);
        http.get("/api/observability/watchdogs"); // the dead-letter rate's first sample: no history, no rate yet
        server.queues().require().publish("dream-events.citadel", "not an event".getBytes(StandardCharsets.UTF_8));

        await("poison dead-lettered").atMost(Servers.DEADLINE).until(() -> DagJson.entry(
                http.get("/api/observability/queues").json(), "queues", "dream-events.citadel")
                .get("deadLetterDepth").asLong() == 1);
        JsonNode letter = http.get("/api/observability/queues/dream-events.citadel/dead-letters").json()
                .get("deadLetters").get(0);
        assertThat(letter.get("attempts").asInt()).isEqualTo(2);
        assertThat(letter.get("lastError").asText()).contains("not a dream event");
        assertThat(letter.get("payload").asText()).isEqualTo("not an event");
        assertThat(http.get("/metrics").body())
                .contains("dreamnet_queue_dead_letter_depth{queue=\"dream-events.citadel\"} 1.0");
        JsonNode rate = DagJson.entry(http.get("/api/observability/watchdogs").json(), "watchdogs",
                "dlq-rate:dream-events.citadel");
        assertThat(rate.get("level").asText()).isIn("WARN", "CRIT");
        assertThat(http.get("/api/observability/queues/no-such-queue/dead-letters").status()).isEqualTo(404);
    }

    long processed(String agent) {
        return DagJson.entry(http.get("/api/observability/agents").json(), "agents", agent).get("processed").asLong();
    }
}
