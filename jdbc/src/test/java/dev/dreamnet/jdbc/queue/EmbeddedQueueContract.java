package dev.dreamnet.jdbc.queue;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dreamnet.core.queue.DeadLetter;
import dev.dreamnet.core.queue.DeclareOutcome;
import dev.dreamnet.core.queue.PollOutcome;
import dev.dreamnet.core.queue.QueueDriftException;
import dev.dreamnet.core.queue.QueueMessage;
import dev.dreamnet.core.queue.QueueSpec;
import dev.dreamnet.core.queue.QueueStats;
import dev.dreamnet.core.queue.UnknownQueueException;
import dev.dreamnet.core.time.FakeClock;
import dev.dreamnet.jdbc.Dialect;
import dev.dreamnet.jdbc.queue.internal.MessageStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the embedded queue promises, on each database: declarations never change a queue, success
 * acknowledges, failure redelivers after the delay, the last failure dead-letters with its error,
 * and a consumer that dies loses nothing. Time moves only on the fake clock; nothing sleeps.
 */
abstract class EmbeddedQueueContract {

    final FakeClock clock = new FakeClock();
    DatabaseQueueBackend backend;
    QueueSpec spec;

    abstract TestDatabase database();

    @BeforeEach
    void declareAFreshQueue() {
        backend = DatabaseQueueBackend.create(database().dataSource(), clock);
        spec = QueueSpec.builder("events-" + UUID.randomUUID()).maxAttempts(3)
                .redeliveryDelay(Duration.ofSeconds(10)).visibilityTimeout(Duration.ofSeconds(30)).build();
        assertThat(backend.declare(spec)).isEqualTo(DeclareOutcome.CREATED);
    }

    @Test
    void declaringTheSameSpecAgainChangesNothing() {
        assertThat(backend.declare(spec)).isEqualTo(DeclareOutcome.UNCHANGED);
        assertThat(DatabaseQueueBackend.create(database().dataSource(), clock).declare(spec))
                .isEqualTo(DeclareOutcome.UNCHANGED);
    }

    @Test
    void declaringOtherSettingsNamesEachDifferenceAndKeepsTheQueueAsItWas() {
        QueueSpec changed = spec.toBuilder().maxAttempts(5).redeliveryDelay(Duration.ofMillis(1500)).build();

        assertThatThrownBy(() -> backend.declare(changed)).isInstanceOf(QueueDriftException.class)
                .hasMessage("queue \"" + spec.name() + "\": maxAttempts is 3 in the database, 5 in the declaration; "
                        + "redeliveryDelay is 10s in the database, 1500ms in the declaration (nothing was changed)");
        assertThat(backend.declare(spec)).isEqualTo(DeclareOutcome.UNCHANGED);
        assertThat(failUntilDeadLettered("poison")).isEqualTo(3);
    }

    @Test
    void aHandlerThatSucceedsAcknowledgesTheMessage() {
        backend.publish(spec.name(), "hello".getBytes(UTF_8));
        List<QueueMessage> seen = new ArrayList<>();

        assertThat(backend.poll(spec.name(), seen::add)).isEqualTo(PollOutcome.ACKED);
        assertThat(seen).singleElement().satisfies(message -> {
            assertThat(message.text()).isEqualTo("hello");
            assertThat(message.attempt()).isEqualTo(1);
            assertThat(message.queue()).isEqualTo(spec.name());
        });
        assertThat(backend.poll(spec.name(), seen::add)).isEqualTo(PollOutcome.EMPTY);
        assertThat(backend.stats(spec.name())).isEqualTo(new QueueStats(spec.name(), 0, 0, 0, 0, 0));
    }

    @Test
    void messagesComeOutInTheOrderTheyWentIn() {
        backend.publishAll(spec.name(), List.of("a".getBytes(UTF_8), "b".getBytes(UTF_8), "c".getBytes(UTF_8)));
        List<String> seen = new ArrayList<>();

        while (backend.poll(spec.name(), message -> seen.add(message.text())) != PollOutcome.EMPTY) {
            assertThat(seen).hasSizeLessThanOrEqualTo(3);
        }
        assertThat(seen).containsExactly("a", "b", "c");
    }

    @Test
    void aFailedMessageWaitsOutTheRedeliveryDelayThenComesBackAsTheNextAttempt() {
        backend.publish(spec.name(), "flaky".getBytes(UTF_8));

        assertThat(backend.poll(spec.name(), message -> fail("downstream timed out"))).isEqualTo(PollOutcome.RETRYING);
        assertThat(backend.stats(spec.name())).isEqualTo(new QueueStats(spec.name(), 0, 1, 0, 0, 0));
        clock.advance(Duration.ofMillis(9_999));
        assertThat(backend.poll(spec.name(), message -> fail("too early"))).isEqualTo(PollOutcome.EMPTY);

        clock.advance(Duration.ofMillis(1));
        List<Integer> attempts = new ArrayList<>();
        assertThat(backend.poll(spec.name(), message -> attempts.add(message.attempt()))).isEqualTo(PollOutcome.ACKED);
        assertThat(attempts).containsExactly(2);
    }

    @Test
    void aPoisonMessageLandsInTheDeadLetterQueueWithItsLastErrorAfterMaxAttempts() {
        assertThat(failUntilDeadLettered("poison")).isEqualTo(3);

        assertThat(backend.stats(spec.name())).isEqualTo(new QueueStats(spec.name(), 0, 0, 0, 1, 1));
        List<DeadLetter> letters = backend.deadLetters(spec.name(), 10);
        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(letter.text()).isEqualTo("poison");
            assertThat(letter.attempts()).isEqualTo(3);
            assertThat(letter.lastError()).isEqualTo("java.lang.IllegalStateException: cannot parse attempt 3");
            assertThat(letter.queue()).isEqualTo(spec.name());
            assertThat(letter.deadLetteredAt()).isEqualTo(clock.now());
        });
    }

    @Test
    void aConsumerThatDiesMidMessageLosesNothingTheMessageComesBackAfterTheVisibilityTimeout() {
        backend.publish(spec.name(), "job".getBytes(UTF_8));

        assertThatThrownBy(() -> backend.poll(spec.name(), message -> {
            throw new ConsumerDied();
        })).isInstanceOf(ConsumerDied.class);
        assertThat(backend.stats(spec.name())).isEqualTo(new QueueStats(spec.name(), 0, 0, 1, 0, 0));
        clock.advance(Duration.ofSeconds(29));
        assertThat(backend.poll(spec.name(), message -> fail("still leased"))).isEqualTo(PollOutcome.EMPTY);

        clock.advance(Duration.ofSeconds(1));
        assertThat(backend.stats(spec.name()).depth()).isEqualTo(1);
        List<Integer> attempts = new ArrayList<>();
        assertThat(backend.poll(spec.name(), message -> attempts.add(message.attempt()))).isEqualTo(PollOutcome.ACKED);
        assertThat(attempts).containsExactly(2);
    }

    @Test
    void aMessageWhoseConsumersKeepDyingIsDeadLetteredOnceItHasHadMaxAttempts() {
        backend.publish(spec.name(), "crashes the consumer".getBytes(UTF_8));
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThatThrownBy(() -> backend.poll(spec.name(), message -> {
                throw new ConsumerDied();
            })).isInstanceOf(ConsumerDied.class);
            clock.advance(Duration.ofSeconds(30));
        }

        assertThat(backend.poll(spec.name(), message -> fail("no fourth attempt"))).isEqualTo(PollOutcome.DEAD_LETTERED);
        assertThat(backend.deadLetters(spec.name(), 10)).singleElement().satisfies(letter -> {
            assertThat(letter.attempts()).isEqualTo(3);
            assertThat(letter.lastError()).isEqualTo("lease expired on attempt 3 of 3: its consumer neither "
                    + "acknowledged nor failed it within the visibilityTimeout (30s)");
        });
    }

    @Test
    void aConsumerSlowerThanTheVisibilityTimeoutLosesItsLeaseAndCannotAcknowledgeAnotherConsumersDelivery() {
        backend.publish(spec.name(), "slow".getBytes(UTF_8));
        List<String> outcomes = new ArrayList<>();

        PollOutcome slow = backend.poll(spec.name(), first -> {
            clock.advance(Duration.ofSeconds(31));
            outcomes.add(backend.poll(spec.name(), second -> outcomes.add("attempt " + second.attempt())).name());
        });

        assertThat(slow).isEqualTo(PollOutcome.LEASE_LOST);
        assertThat(outcomes).containsExactly("attempt 2", "ACKED");
        assertThat(backend.stats(spec.name())).isEqualTo(new QueueStats(spec.name(), 0, 0, 0, 0, 0));
    }

    /**
     * Regression: on H2 a claim ({@code ORDER BY ... FOR UPDATE}) locked every ready message of the
     * queue until it committed, so consumers took turns instead of working in parallel.
     */
    @Test
    void aClaimInProgressLocksOnlyTheMessageItTakes() throws Exception {
        backend.publishAll(spec.name(), List.of("first".getBytes(UTF_8), "second".getBytes(UTF_8)));
        try (java.sql.Connection claiming = database().dataSource().getConnection()) {
            claiming.setAutoCommit(false);
            assertThat(MessageStore.claim(claiming, Dialect.of(claiming), spec, clock.wallMillis())).isPresent();
            List<String> seen = new ArrayList<>();

            assertThat(backend.poll(spec.name(), message -> seen.add(message.text()))).isEqualTo(PollOutcome.ACKED);
            assertThat(seen).containsExactly("second");
            claiming.rollback();
        }
    }

    @Test
    void anotherInstanceOnTheSameDatabaseFindsTheQueueWithoutDeclaringIt() {
        DatabaseQueueBackend other = DatabaseQueueBackend.create(database().dataSource(), clock);
        other.publish(spec.name(), "from elsewhere".getBytes(UTF_8));

        assertThat(backend.poll(spec.name(), message -> assertThat(message.text()).isEqualTo("from elsewhere")))
                .isEqualTo(PollOutcome.ACKED);
    }

    @Test
    void anUndeclaredQueueIsRefusedWithTheClosestDeclaredName() {
        assertThatThrownBy(() -> backend.publish(spec.name() + "x", new byte[0]))
                .isInstanceOf(UnknownQueueException.class)
                .hasMessageStartingWith("unknown queue \"" + spec.name() + "x\" (did you mean \"" + spec.name() + "\"?)");
    }

    /** Fails the message on every attempt, moving the clock past each delay; returns the attempts it had. */
    int failUntilDeadLettered(String payload) {
        backend.publish(spec.name(), payload.getBytes(UTF_8));
        int attempts = 0;
        PollOutcome outcome;
        do {
            int[] attempt = new int[1];
            outcome = backend.poll(spec.name(), message -> {
                attempt[0] = message.attempt();
                throw new IllegalStateException("cannot parse attempt " + message.attempt());
            });
            assertThat(outcome).isIn(PollOutcome.RETRYING, PollOutcome.DEAD_LETTERED);
            attempts = attempt[0];
            if (outcome == PollOutcome.RETRYING) {
                clock.advance(spec.redeliveryDelay());
            }
        } while (outcome == PollOutcome.RETRYING && attempts < 10);
        return attempts;
    }

    private static void fail(String why) throws Exception {
        throw new java.io.IOException(why);
    }

    /** Stands for a consumer process dying mid-message: nothing records an outcome. */
    static final class ConsumerDied extends Error {
        private static final long serialVersionUID = 1L;
    }
}
