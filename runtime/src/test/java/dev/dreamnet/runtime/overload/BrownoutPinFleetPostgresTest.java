package dev.dreamnet.runtime.overload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dreamnet.config.overload.OverloadConfig;
import dev.dreamnet.core.flags.Mode;
import dev.dreamnet.core.overload.AdaptiveLimitConfig;
import dev.dreamnet.core.overload.ConcurrencyLimiter;
import dev.dreamnet.core.overload.Criticality;
import dev.dreamnet.core.time.FakeClock;
import dev.dreamnet.core.time.ManualScheduler;
import dev.dreamnet.runtime.DreamNet;
import dev.dreamnet.runtime.audit.AuditEntry;
import dev.dreamnet.testing.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one real PostgreSQL, each with overload protection and fleet-wide automatic brownout: an operator's
 * pin sent to one instance is the fleet's, so the other does not set the fleet's mode to BROWNOUT while it holds, and
 * an unpin sent to either lets both decide again. The ticks are called by the test on fake clocks; the shared state
 * travels through the database as in production.
 */
class BrownoutPinFleetPostgresTest {

    private final FakeClock clock = new FakeClock();
    private PostgresTestDatabase database;
    private DreamNet first;
    private DreamNet second;

    @BeforeEach
    void start() throws Exception {
        database = PostgresTestDatabase.create("dreamnet_brownout_pin");
        first = instance();
        second = instance();
    }

    @AfterEach
    void stop() throws Exception {
        try {
            if (first != null) {
                first.shutdown();
            }
            if (second != null) {
                second.shutdown();
            }
        } finally {
            database.close();
        }
    }

    @Test
    void aPinSentToOneInstanceHoldsTheOthersAutomaticBrownoutUntilAnUnpinSentToEither() throws Exception {
        first.automaticBrownout().pin("alice", "INC-9: the mode is ours");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "alice".equals(second.automaticBrownout().view().pinnedBy()));
        assertThat(second.automaticBrownout().view().pinnedReason()).isEqualTo("INC-9: the mode is ours");
        assertThat(storedPin()).isEqualTo("alice");

        overloadFor(3, second);
        assertThat(mode(second)).as("pinned fleet-wide: nothing decided").isEqualTo(Mode.NORMAL);
        assertThat(second.automaticBrownout().view().lastDecision()).contains("pinned by alice");

        second.automaticBrownout().unpin("bob", "INC-9 over");
        await().atMost(Duration.ofSeconds(20)).until(() -> first.automaticBrownout().view().pinnedBy() == null);
        assertThat(storedPin()).isEqualTo("-");

        overloadFor(3, second);
        assertThat(mode(second)).as("unpinned: the fleet's mode set by the overloaded instance")
                .isEqualTo(Mode.BROWNOUT);
        await().atMost(Duration.ofSeconds(20)).until(() -> mode(first) == Mode.BROWNOUT);
        assertThat(first.audit().recent(10)).extracting(AuditEntry::action)
                .containsSubsequence("mode.automatic", "overload.unpin", "overload.pin");
    }

    /**
     * Regression: the pin raised the shared state's version, which the instance took for an operator taking the mode.
     */
    @Test
    void aBrownoutThatWasInForceWhenPinnedEndsOnceHealthyAfterTheUnpin() throws Exception {
        overloadFor(3, second);
        await().atMost(Duration.ofSeconds(20)).until(() -> mode(first) == Mode.BROWNOUT);

        first.automaticBrownout().pin("alice", "INC-11");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "alice".equals(second.automaticBrownout().view().pinnedBy()));
        healthyFor(5, second);
        assertThat(mode(second)).as("pinned: the brownout stays").isEqualTo(Mode.BROWNOUT);

        first.automaticBrownout().unpin("alice", "INC-11 over");
        await().atMost(Duration.ofSeconds(20)).until(() -> second.automaticBrownout().view().pinnedBy() == null);
        healthyFor(4, second);
        assertThat(mode(second)).as("the brownout it entered, left once healthy").isEqualTo(Mode.NORMAL);
        await().atMost(Duration.ofSeconds(20)).until(() -> mode(first) == Mode.NORMAL);
    }

    @Test
    void anInstanceThatJoinsLaterFindsThePinInForce() throws Exception {
        first.automaticBrownout().pin("alice", "INC-10");
        DreamNet third = instance();
        try {
            assertThat(third.automaticBrownout().view().pinnedBy()).as("caught up at the join").isEqualTo("alice");
        } finally {
            third.shutdown();
        }
    }

    /** {@code seconds} ticks in which the one place of {@code dreamnet}'s limiter is taken and a request refused. */
    private void overloadFor(int seconds, DreamNet dreamnet) {
        OverloadProtection protection = dreamnet.overload();
        ConcurrencyLimiter held = Objects.requireNonNull(protection.acquire(Criticality.CRITICAL));
        try {
            for (int second = 0; second < seconds; second++) {
                assertThat(protection.acquire(Criticality.CRITICAL)).as("the one place is taken").isNull();
                protection.refusal(Criticality.CRITICAL);
                clock.advance(AutomaticBrownout.TICK);
                dreamnet.automaticBrownout().tick();
            }
        } finally {
            protection.finished(held, 1, OverloadProtection.Outcome.IGNORED);
        }
    }

    private void healthyFor(int seconds, DreamNet dreamnet) {
        for (int second = 0; second < seconds; second++) {
            clock.advance(AutomaticBrownout.TICK);
            dreamnet.automaticBrownout().tick();
        }
    }

    private DreamNet instance() throws Exception {
        AdaptiveLimitConfig one = AdaptiveLimitConfig.builder().initialLimit(1).minLimit(1).maxLimit(1).build();
        DreamNet dreamnet = DreamNet.builder().clock(clock).scheduler(new ManualScheduler()).environment(Map.of())
                .database(database.jdbcUrl()).shutdownGrace(Duration.ofSeconds(1))
                .overload(OverloadConfig.builder().limit(one).brownout(new OverloadConfig.AutoBrownout(true,
                        Duration.ofSeconds(2), Duration.ofSeconds(3), Map.of(), true)).build())
                .build().start();
        dreamnet.started().get(20, TimeUnit.SECONDS);
        assertThat(dreamnet.fleetMode()).isPresent();
        return dreamnet;
    }

    private static Mode mode(DreamNet dreamnet) {
        return dreamnet.flags().snapshot().state().mode();
    }

    private String storedPin() throws Exception {
        try (Connection c = DriverManager.getConnection(database.jdbcUrl());
             Statement statement = c.createStatement();
             ResultSet row = statement.executeQuery(
                     "SELECT COALESCE(brownout_pinned_by, '-') FROM shared_state WHERE id = 1")) {
            assertThat(row.next()).isTrue();
            return row.getString(1);
        }
    }
}
