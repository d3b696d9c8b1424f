package dev.dreamnet.rabbitmq;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.dreamnet.core.queue.PollOutcome;
import dev.dreamnet.core.queue.QueueSpec;
import dev.dreamnet.core.queue.QueueUnavailableException;
import dev.dreamnet.core.time.Clock;
import dev.dreamnet.testing.TcpProxy;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A broker that cannot be reached, or is lost, surfaces as one clear exception; the next call reconnects. */
class BrokerConnectionTest {

    private static TestVhost vhost;

    @BeforeAll
    static void createVhost() throws Exception {
        vhost = TestVhost.create();
    }

    @AfterAll
    static void deleteVhost() throws Exception {
        vhost.close();
    }

    @Test
    void anUnreachableBrokerIsNamedWithoutItsPassword() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        URI uri = URI.create("amqp://guest:secret@127.0.0.1:" + closedPort + "/dn");

        assertThatThrownBy(() -> RabbitQueueBackend.connect(uri, Clock.system()))
                .isInstanceOf(QueueUnavailableException.class)
                .hasMessageStartingWith("RabbitMQ at amqp://127.0.0.1:" + closedPort + "/dn is unreachable (connecting): ")
                .hasMessageNotContaining("secret");
    }

    @Test
    void aUriThatIsNotAmqpIsRefused() {
        assertThatThrownBy(() -> RabbitQueueBackend.connect(URI.create("http://127.0.0.1:5672/"), Clock.system()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("queue URI must be amqp://user:password@host:port/vhost, was http://127.0.0.1:5672/");
    }

    @Test
    void aLostConnectionFailsTheCallClearlyAndTheNextCallReconnects() {
        try (TcpProxy proxy = TcpProxy.to("127.0.0.1", 5672);
             RabbitQueueBackend backend = RabbitQueueBackend.connect(
                     URI.create("amqp://guest:guest@127.0.0.1:" + proxy.port() + "/" + vhost.uri().getPath().substring(1)),
                     Clock.system())) {
            QueueSpec spec = QueueSpec.builder("lost-" + System.nanoTime()).redeliveryDelay(Duration.ZERO).build();
            backend.declare(spec);
            backend.publish(spec.name(), "before".getBytes(UTF_8));

            proxy.cut();
            assertThatThrownBy(() -> backend.publish(spec.name(), "during".getBytes(UTF_8)))
                    .isInstanceOf(QueueUnavailableException.class)
                    .hasMessageStartingWith("RabbitMQ at amqp://127.0.0.1:" + proxy.port());

            proxy.restore();
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                    .until(() -> backend.poll(spec.name(), message -> assertThat(message.text()).isEqualTo("before"))
                            == PollOutcome.ACKED);
        }
    }

    @Test
    void aBlackHoledBrokerFailsTheCallAfterTheCallTimeoutInsteadOfHangingAndTheNextCallReconnects() {
        // Regression: a basic.get on a connection that stopped passing bytes waited for the client's
        // 10-minute RPC timeout, holding the caller's thread (the server's shared check pool) all along.
        try (TcpProxy proxy = TcpProxy.to("127.0.0.1", 5672);
             RabbitQueueBackend backend = RabbitQueueBackend.connect(
                     URI.create("amqp://guest:guest@127.0.0.1:" + proxy.port() + "/" + vhost.uri().getPath().substring(1)),
                     Clock.system(), Duration.ofMillis(500))) {
            QueueSpec spec = QueueSpec.builder("stalled-" + System.nanoTime()).redeliveryDelay(Duration.ZERO).build();
            backend.declare(spec);
            backend.publish(spec.name(), "before".getBytes(UTF_8));

            proxy.stall();
            assertThatThrownBy(() -> backend.poll(spec.name(), message -> { }))
                    .isInstanceOf(QueueUnavailableException.class)
                    .hasMessageStartingWith("RabbitMQ at amqp://127.0.0.1:" + proxy.port())
                    .hasMessageContaining("(polling queue \"" + spec.name() + "\"): no answer within 500 ms");
            assertThatThrownBy(() -> backend.publish(spec.name(), "during".getBytes(UTF_8)))
                    .isInstanceOf(QueueUnavailableException.class);

            proxy.restore();
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                    .until(() -> backend.poll(spec.name(), message -> assertThat(message.text()).isEqualTo("before"))
                            == PollOutcome.ACKED);
        }
    }

    @Test
    void aCallTimeoutThatIsNotPositiveIsRefused() {
        assertThatThrownBy(() -> RabbitQueueBackend.connect(vhost.uri(), Clock.system(), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("callTimeout must be between 1 ms and 24 days, was PT0S");
    }
}
