package dev.dreamnet.server.queues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dreamnet.server.DreamnetServer;
import dev.dreamnet.server.support.DagJson;
import dev.dreamnet.server.support.FlagServer;
import dev.dreamnet.server.support.Http;
import dev.dreamnet.server.support.Reply;
import dev.dreamnet.server.support.Servers;
import dev.dreamnet.testing.RabbitTestVhost;
import dev.dreamnet.testing.TcpProxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RabbitMQ black-holed, for real (a TCP proxy in front of the broker keeps every connection open
 * but lets no byte through, as a dropped network path or a frozen broker does). The bug: a call
 * waiting for the broker's answer held its checkPool thread for the client's 10-minute RPC timeout,
 * starving the health gates, the relay and the agents. Now nothing waits on the broker for longer
 * than the queue's call timeout: the API, the probes and the queue view keep answering, every
 * health gate keeps checking, the queue breaker opens, and once bytes flow again every accepted
 * dream reaches both agents.
 */
class RabbitStallTest {

    /** Any request made while the broker is black-holed must be answered within this. */
    private static final Duration ANSWER = Duration.ofSeconds(10);
    /** A few of the queue's 5 s call timeouts (config/resilience.yaml) and the breaker is open. */
    private static final Duration BREAKER_OPENS = Duration.ofSeconds(45);

    @TempDir
    Path dir;

    private RabbitTestVhost vhost;
    private TcpProxy proxy;
    private DreamnetServer server;
    private Http http;

    @BeforeEach
    void start() throws Exception {
        vhost = RabbitTestVhost.create("dreamnet_stall");
        proxy = TcpProxy.to("127.0.0.1", 5672);
        Path queues = Files.writeString(dir.resolve("queues.yaml"), DreamEventsPipelineContract.QUEUES);
        String uri = "amqp://guest:guest@127.0.0.1:" + proxy.port() + "/" + vhost.name();
        server = DreamnetServer.start(Servers.config(dir, FlagServer.SHIPPED_GRAPH).queuesFile(queues).queueUrl(uri)
                .build());
        http = new Http(server.port(), ANSWER);
        Servers.awaitReady(http);
    }

    @AfterEach
    void stop() throws Exception {
        proxy.restore();
        server.shutdown();
        proxy.close();
        vhost.close();
    }

    @Test
    void aBlackHoledBrokerHangsNothingAndDreamsAcceptedMeanwhileReachBothAgentsOnceItIsBack() {
        for (int i = 0; i < 3; i++) {
            assertThat(http.post("/api/dreams", "{\"title\": \"before " + i + "\"}").status()).isEqualTo(201);
        }
        await("first dreams processed").atMost(Servers.DEADLINE)
                .until(() -> processed("citadel") == 3 && processed("dronedome") == 3);

        proxy.stall();
        for (int i = 0; i < 5; i++) {
            assertThat(http.post("/api/dreams", "{\"title\": \"during " + i + "\"}").status())
                    .as("the API does not need the broker to accept a dream").isEqualTo(201);
        }
        await("queue breaker opens").atMost(BREAKER_OPENS).until(() -> !"CLOSED".equals(
                DagJson.entry(http.get("/api/observability/circuit-breakers").json(), "breakers", "queue")
                        .get("state").asText()));
        stillAnswering();
        Map<String, Long> checks = gateChecks();
        await("every health gate checks again, and all but the queues' pass").atMost(Servers.DEADLINE)
                .untilAsserted(() -> {
                    JsonNode gates = http.get("/api/observability/health-gates").json().get("gates");
                    for (JsonNode gate : gates) {
                        String name = gate.get("name").asText();
                        assertThat(gate.get("checks").asLong()).as(name).isGreaterThan(checks.get(name));
                        if (!"queues".equals(name)) {
                            assertThat(gate.get("lastHealthy").asBoolean()).as(name + ": " + gate.get("lastDetail"))
                                    .isTrue();
                        }
                    }
                });
        await("queues gate down: DEGRADED, still taking traffic").atMost(Servers.DEADLINE)
                .until(() -> "DEGRADED".equals(http.get("/health/ready").text("status")));
        assertThat(http.post("/api/dreams", "{\"title\": \"during, degraded\"}").status()).isEqualTo(201);
        stillAnswering();
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

    /** Each request fails the test if it is not answered within {@link #ANSWER}. */
    private void stillAnswering() {
        for (String path : List.of("/health/live", "/health/ready", "/api/observability/queues",
                "/api/observability/agents")) {
            Reply reply = http.get(path);
            assertThat(reply.status()).as(path + ": " + reply.body()).isEqualTo(200);
        }
    }

    private Map<String, Long> gateChecks() {
        Map<String, Long> checks = new HashMap<>();
        for (JsonNode gate : http.get("/api/observability/health-gates").json().get("gates")) {
            checks.put(gate.get("name").asText(), gate.get("checks").asLong());
        }
        return checks;
    }

    private long processed(String agent) {
        return DagJson.entry(http.get("/api/observability/agents").json(), "agents", agent).get("processed").asLong();
    }
}
