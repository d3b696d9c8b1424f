package dev.dreamnet.reference.queues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dreamnet.reference.support.Http;
import dev.dreamnet.reference.support.Reply;
import dev.dreamnet.reference.support.Servers;
import java.nio.file.Path;
import java.time.Duration;
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

    private BrokerFault broker;

    @BeforeEach
    void start() throws Exception {
        broker = BrokerFault.start(dir, "dreamnet_outage", Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() throws Exception {
        broker.close();
    }

    @Test
    void dreamsAcceptedWhileTheBrokerIsUnreachableReachBothAgentsOnceItIsBack() {
        Http http = broker.http;
        broker.post("before", 3);
        await("first dreams processed").atMost(Servers.DEADLINE)
                .until(() -> broker.processed("citadel") == 3 && broker.processed("dronedome") == 3);

        broker.proxy.cut();
        broker.post("during", 5);
        await("queue breaker opens").atMost(Servers.DEADLINE).until(broker::queueBreakerOpen);
        await("queues gate down: DEGRADED, still taking traffic").atMost(Servers.DEADLINE)
                .until(() -> "DEGRADED".equals(http.get("/health/ready").text("status")));
        assertThat(http.get("/health/ready").status()).isEqualTo(200);
        assertThat(http.post("/api/dreams", "{\"title\": \"during, degraded\"}").status()).isEqualTo(201);
        assertThat(broker.processed("citadel")).isEqualTo(3);

        broker.proxy.restore();
        broker.awaitBothAgentsProcessed(9, Duration.ofSeconds(90));
        assertThat(broker.deadLetterDepth("dream-events.citadel")).isZero();
    }

    /** Regression: a queue 503 passed the broker's address and virtual host (amqp://127.0.0.1:PORT/VHOST) to clients. */
    @Test
    void aQueue503SaysTheBackendIsUnreachableWithoutNamingTheBroker() {
        broker.proxy.cut();
        Reply refused = broker.http.get("/api/observability/queues/dream-events.citadel/dead-letters");

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.text("error")).isEqualTo("queue unavailable");
        assertThat(refused.text("detail")).isEqualTo("the queue backend is unreachable; try again later");
        assertThat(refused.body())
                .doesNotContain("127.0.0.1", "amqp", "dreamnet_outage", String.valueOf(broker.proxy.port()));
    }
}
