package dev.dreamnet.rabbitmq;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.dreamnet.core.queue.PollOutcome;
import dev.dreamnet.core.queue.QueueDriftException;
import dev.dreamnet.core.queue.QueueType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The RabbitMQ backend's contract on quorum queues, in a virtual host of this class's own. */
class QuorumQueueTest extends RabbitQueueContract {

    private static TestVhost vhost;

    @BeforeAll
    static void createVhost() throws Exception {
        vhost = TestVhost.create();
    }

    @AfterAll
    static void deleteVhost() throws Exception {
        vhost.close();
    }

    @Override
    TestVhost vhost() {
        return vhost;
    }

    @Override
    QueueType type() {
        return QueueType.QUORUM;
    }

    /** A quorum queue counts the delivery that ended with its consumer (x-delivery-count). */
    @Override
    int attemptAfterOneDeath() {
        return 2;
    }

    @Test
    void declaringOtherMaxAttemptsShowsTheBrokersValueAndTheDeclaredOne() {
        assertThatThrownBy(() -> backend.declare(spec.toBuilder().maxAttempts(5).build()))
                .isInstanceOf(QueueDriftException.class)
                .hasMessage("queue \"" + spec.name() + "\": maxAttempts is 3 in the broker, 5 in the declaration "
                        + "(nothing was changed)");
    }

    @Test
    void aMessageWhoseConsumersKeepDyingIsDeadLetteredOnceItHasHadMaxAttempts() {
        backend.publish(spec.name(), "crashes the consumer".getBytes(UTF_8));
        for (int death = 1; death <= 3; death++) {
            await().atMost(DEADLINE).until(() -> {
                try {
                    return backend.poll(spec.name(), message -> {
                        throw new ConsumerDied();
                    }) != PollOutcome.EMPTY;
                } catch (ConsumerDied e) {
                    return true;
                }
            });
        }

        await().atMost(DEADLINE).until(() -> backend.poll(spec.name(), message -> {
            throw new AssertionError("no fourth attempt");
        }) == PollOutcome.DEAD_LETTERED);
        assertThat(backend.deadLetters(spec.name(), 10)).singleElement().satisfies(letter -> {
            assertThat(letter.attempts()).isEqualTo(3);
            assertThat(letter.lastError()).isEqualTo("delivered 3 times without an outcome: its consumers died or "
                    + "lost their connection");
        });
    }
}
