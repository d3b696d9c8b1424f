package dev.dreamnet.reference.queues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dreamnet.reference.support.Http;
import dev.dreamnet.reference.support.Reply;
import dev.dreamnet.reference.support.Servers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    private BrokerFault broker;
    private Http http;

    @BeforeEach
    void start() throws Exception {
        broker = BrokerFault.start(dir, "dreamnet_stall", ANSWER);
        http = broker.http;
    }

    @AfterEach
    void stop() throws Exception {
        broker.close();
    }

    @Test
    void aBlackHoledBrokerHangsNothingAndDreamsAcceptedMeanwhileReachBothAgentsOnceItIsBack() {
        broker.post("before", 3);
        await("first dreams processed").atMost(Servers.DEADLINE)
                .until(() -> broker.processed("citadel") == 3 && broker.processed("dronedome") == 3);

        broker.proxy.stall();
        broker.post("during", 5);
        await("queue breaker opens").atMost(BREAKER_OPENS).until(broker::queueBreakerOpen);
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
        assertThat(broker.processed("citadel")).isEqualTo(3);

        broker.proxy.restore();
        broker.awaitBothAgentsProcessed(9, Duration.ofSeconds(90));
        assertThat(broker.deadLetterDepth("dream-events.citadel")).isZero();
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

}
