package dev.dreamnet.server.queues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dreamnet.server.DreamnetServer;
import dev.dreamnet.server.support.DagJson;
import dev.dreamnet.server.support.FlagServer;
import dev.dreamnet.server.support.Http;
import dev.dreamnet.server.support.Servers;
import dev.dreamnet.testing.RabbitTestVhost;
import dev.dreamnet.testing.TcpProxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RabbitMQ cut off under load, for real (a TCP proxy in front of the broker drops every
 * connection): the API keeps accepting dreams, the queue breaker opens instead of piling up
 * failures, the service turns DEGRADED (not unready), and once the broker is back every accepted
 * dream reaches both agents. Nothing lost.
 */
class RabbitOutageTest {

    @TempDir
    Path dir;

    private RabbitTestVhost vhost;
    private TcpProxy proxy;
    private DreamnetServer server;
    private Http http;

    @BeforeEach
    void start() throws Exception {
        vhost = RabbitTestVhost.create("dreamnet_outage");
        proxy = TcpProxy.to("127.0.0.1", 5672);
        Path queues = Files.writeString(dir.resolve("queues.yaml"), DreamEventsPipelineContract.QUEUES);
        String uri = "amqp://guest:guest@127.0.0.1:" + proxy.port() + "/" + vhost.name();
        server = DreamnetServer.start(Servers.config(dir, FlagServer.SHIPPED_GRAPH).queuesFile(queues).queueUrl(uri)
                .build());
        http = new Http(server.port());
        Servers.awaitReady(http);
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
        proxy.close();
        vhost.close();
    }

    @Test
    void dreamsAcceptedWhileTheBrokerIsUnreachableReachBothAgentsOnceItIsBack() {
        for (int i = 0; i < 3; i++) {
            assertThat(http.post("/api/dreams", "{\"title\": \"before " + i + "\"}").status()).isEqualTo(201);
        }
        await("first dreams processed").atMost(Servers.DEADLINE)
                .until(() -> processed("citadel") == 3 && processed("dronedome") == 3);

        proxy.cut();
        for (int i = 0; i < 5; i++) {
            assertThat(http.post("/api/dreams", "{\"title\": \"during " + i + "\"}").status())
                    .as("the API does not need the broker to accept a dream").isEqualTo(201);
        }
        await("queue breaker opens").atMost(Servers.DEADLINE).until(() -> !"CLOSED".equals(
                DagJson.entry(http.get("/api/observability/circuit-breakers").json(), "breakers", "queue")
                        .get("state").asText()));
        await("queues gate down: DEGRADED, still taking traffic").atMost(Servers.DEADLINE)
                .until(() -> "DEGRADED".equals(http.get("/health/ready").text("status")));
        assertThat(http.get("/health/ready").status()).isEqualTo(200);
        assertThat(http.post("/api/dreams", "{\"title\": \"during, degraded\"}").status()).isEqualTo(201);
        assertThat(processed("citadel")).isEqualTo(3);

        proxy.restore();
        try {
            await("every dream reached both agents").atMost(Duration.ofSeconds(90))
                    .until(() -> processed("citadel") == 9 && processed("dronedome") == 9);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(e.getMessage() + "; agents: " + http.get("/api/observability/agents").body()
                    + "; queues: " + http.get("/api/observability/queues").body() + "; breakers: "
                    + http.get("/api/observability/circuit-breakers").body(), e);
        }
        JsonNode queues = http.get("/api/observability/queues").json();
        assertThat(DagJson.entry(queues, "queues", "dream-events.citadel").get("deadLetterDepth").asLong()).isZero();
    }

    private long processed(String agent) {
        return DagJson.entry(http.get("/api/observability/agents").json(), "agents", agent).get("processed").asLong();
    }
}
