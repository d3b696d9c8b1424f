package dev.dreamnet.rabbitmq;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.dreamnet.core.queue.DeclareOutcome;
import dev.dreamnet.core.queue.PollOutcome;
import dev.dreamnet.core.queue.QueueDriftException;
import dev.dreamnet.core.queue.QueueMessage;
import dev.dreamnet.core.queue.QueueSpec;
import dev.dreamnet.core.queue.QueueStats;
import dev.dreamnet.core.queue.QueueType;
import dev.dreamnet.core.queue.UnknownQueueException;
import dev.dreamnet.core.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the RabbitMQ backend promises for one queue type, on a real broker in a virtual host of the
 * test class's own: declarations never change a queue, success acknowledges, failure comes back
 * after the delay, the last failure dead-letters with its error. Waits use Awaitility with a deadline.
 */
abstract class RabbitQueueContract {

    static final Duration DEADLINE = Duration.ofSeconds(20);

    RabbitQueueBackend backend;
    QueueSpec spec;

    abstract TestVhost vhost();

    abstract QueueType type();

    @BeforeEach
    void declareAFreshQueue() {
        backend = RabbitQueueBackend.connect(vhost().uri(), Clock.system());
        spec = QueueSpec.builder("ev-" + UUID.randomUUID().toString().substring(0, 8)).type(type()).maxAttempts(3)
                .redeliveryDelay(Duration.ofMillis(200)).build();
        assertThat(backend.declare(spec)).isEqualTo(DeclareOutcome.CREATED);
    }

    @AfterEach
    void closeBackend() {
        backend.close();
    }

    @Test
    void declaringTheSameSpecAgainChangesNothing() {
        assertThat(backend.declare(spec)).isEqualTo(DeclareOutcome.UNCHANGED);
        try (RabbitQueueBackend other = RabbitQueueBackend.connect(vhost().uri(), Clock.system())) {
            assertThat(other.declare(spec)).isEqualTo(DeclareOutcome.UNCHANGED);
        }
    }

    @Test
    void declaringAnotherDelayAndDeadLetterQueueNamesBothAndCreatesNothing() {
        QueueSpec changed = spec.toBuilder().redeliveryDelay(Duration.ofSeconds(30))
                .deadLetterQueue(spec.name() + ".parked").build();

        assertThatThrownBy(() -> backend.declare(changed)).isInstanceOf(QueueDriftException.class)
                .hasMessageStartingWith("queue \"" + spec.name() + "\": ")
                .hasMessageContaining("deadLetterQueue is " + spec.name() + ".dlq in the broker, " + spec.name()
                        + ".parked in the declaration")
                .hasMessageContaining("redeliveryDelay is 200ms in the broker, 30s in the declaration")
                .hasMessageEndingWith("(nothing was changed)");
        try (RabbitQueueBackend probe = RabbitQueueBackend.connect(vhost().uri(), Clock.system())) {
            assertThat(probe.declare(spec)).isEqualTo(DeclareOutcome.UNCHANGED);
        }
        assertThat(backend.declare(spec)).isEqualTo(DeclareOutcome.UNCHANGED);
        assertThat(failUntilDeadLettered("still three attempts")).isEqualTo(3);
    }

    @Test
    void aHandlerThatSucceedsAcknowledgesTheMessage() {
        backend.publish(spec.name(), "hello".getBytes(UTF_8));
        List<QueueMessage> seen = new ArrayList<>();

        await().atMost(DEADLINE).until(() -> backend.poll(spec.name(), seen::add) == PollOutcome.ACKED);
        assertThat(seen).singleElement().satisfies(message -> {
            assertThat(message.text()).isEqualTo("hello");
            assertThat(message.attempt()).isEqualTo(1);
        });
        assertThat(backend.poll(spec.name(), seen::add)).isEqualTo(PollOutcome.EMPTY);
        assertThat(backend.stats(spec.name())).isEqualTo(new QueueStats(spec.name(), 0, 0, 0, 0, 0));
    }

    @Test
    void aFailedMessageComesBackAfterTheRedeliveryDelayAsTheNextAttempt() {
        backend.publish(spec.name(), "flaky".getBytes(UTF_8));
        await().atMost(DEADLINE).until(() -> backend.poll(spec.name(), message -> {
            throw new java.io.IOException("downstream timed out");
        }) == PollOutcome.RETRYING);

        List<Integer> attempts = new ArrayList<>();
        await().atMost(DEADLINE).until(() -> backend.poll(spec.name(), message -> attempts.add(message.attempt()))
                == PollOutcome.ACKED);
        assertThat(attempts).containsExactly(2);
    }

    @Test
    void aPoisonMessageLandsInTheDeadLetterQueueWithItsLastErrorAfterMaxAttempts() {
        assertThat(failUntilDeadLettered("poison")).isEqualTo(3);

        assertThat(backend.stats(spec.name())).isEqualTo(new QueueStats(spec.name(), 0, 0, 0, 1, 1));
        assertThat(backend.deadLetters(spec.name(), 10)).singleElement().satisfies(letter -> {
            assertThat(letter.text()).isEqualTo("poison");
            assertThat(letter.attempts()).isEqualTo(3);
            assertThat(letter.lastError()).isEqualTo("java.lang.IllegalStateException: cannot parse attempt 3");
        });
        assertThat(backend.deadLetters(spec.name(), 10)).as("reading dead letters leaves them in place").hasSize(1);
    }

    @Test
    void aConsumerThatDiesMidMessageLosesNothing() {
        backend.publish(spec.name(), "job".getBytes(UTF_8));
        await().atMost(DEADLINE).until(() -> backend.stats(spec.name()).depth() == 1);

        assertThatThrownBy(() -> backend.poll(spec.name(), message -> {
            throw new ConsumerDied();
        })).isInstanceOf(ConsumerDied.class);

        List<QueueMessage> seen = new ArrayList<>();
        await().atMost(DEADLINE).until(() -> backend.poll(spec.name(), seen::add) == PollOutcome.ACKED);
        assertThat(seen).singleElement().satisfies(message -> {
            assertThat(message.text()).isEqualTo("job");
            assertThat(message.attempt()).isEqualTo(attemptAfterOneDeath());
        });
    }

    @Test
    void anUndeclaredQueueIsRefusedWithTheClosestDeclaredName() {
        assertThatThrownBy(() -> backend.publish(spec.name() + "x", new byte[0]))
                .isInstanceOf(UnknownQueueException.class)
                .hasMessage("unknown queue \"" + spec.name() + "x\" (did you mean \"" + spec.name() + "\"?)");
    }

    /** The attempt number of a delivery after one consumer died holding it. */
    abstract int attemptAfterOneDeath();

    /** Fails the message on every attempt; returns the attempts it had before it was dead-lettered. */
    int failUntilDeadLettered(String payload) {
        backend.publish(spec.name(), payload.getBytes(UTF_8));
        int[] last = new int[1];
        await().atMost(DEADLINE).until(() -> backend.poll(spec.name(), message -> {
            last[0] = message.attempt();
            throw new IllegalStateException("cannot parse attempt " + message.attempt());
        }) == PollOutcome.DEAD_LETTERED);
        return last[0];
    }

    /** Stands for a consumer process dying mid-message: nothing records an outcome. */
    static final class ConsumerDied extends Error {
        private static final long serialVersionUID = 1L;
    }
}
