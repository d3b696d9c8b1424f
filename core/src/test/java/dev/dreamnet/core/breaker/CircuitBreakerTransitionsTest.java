package dev.dreamnet.core.breaker;

import static dev.dreamnet.core.breaker.CircuitBreaker.State.CLOSED;
import static dev.dreamnet.core.breaker.CircuitBreaker.State.FORCED_CLOSED;
import static dev.dreamnet.core.breaker.CircuitBreaker.State.FORCED_OPEN;
import static dev.dreamnet.core.breaker.CircuitBreaker.State.OPEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.core.time.FakeClock;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class CircuitBreakerTransitionsTest {

    private final FakeClock clock = new FakeClock();
    private final RecordingListener listener = new RecordingListener();

    private CircuitBreaker breaker(CircuitBreakerConfig.Builder config) {
        return CircuitBreaker.builder("db").config(config.build()).clock(clock).listener(listener).build();
    }

    @Test
    void opensAfterFiveConsecutiveFailures() {
        CircuitBreaker breaker = breaker(CircuitBreakerConfig.builder().minimumCalls(100));
        Calls.fail(breaker, 4);
        assertThat(breaker.state()).isEqualTo(CLOSED);

        Calls.fail(breaker, 1);

        assertThat(breaker.state()).isEqualTo(OPEN);
        assertThat(listener.last().reason()).isEqualTo("5 consecutive failures");
    }

    @Test
    void aSuccessBreaksTheFailureStreak() {
        CircuitBreaker breaker = breaker(CircuitBreakerConfig.builder().minimumCalls(100));
        Calls.fail(breaker, 4);
        Calls.succeed(breaker, 1);
        Calls.fail(breaker, 4);

        assertThat(breaker.state()).isEqualTo(CLOSED);
    }

    @Test
    void opensOnFailureRateOnlyAfterMinimumCalls() {
        CircuitBreaker breaker = breaker(CircuitBreakerConfig.builder()
                .consecutiveFailures(1000).minimumCalls(10).failureRateThreshold(50));
        Calls.fail(breaker, 5);
        Calls.succeed(breaker, 4);
        assertThat(breaker.state()).as("9 calls, 5 failed: below the minimum").isEqualTo(CLOSED);

        Calls.succeed(breaker, 1);

        assertThat(breaker.state()).as("exactly the minimum, 50%% failed").isEqualTo(OPEN);
        assertThat(listener.last().reason()).isEqualTo("failure rate 50.0% >= 50.0% (5 of 10 calls)");
    }

    @Test
    void staysClosedBelowTheFailureRate() {
        CircuitBreaker breaker = breaker(CircuitBreakerConfig.builder().minimumCalls(10).failureRateThreshold(50));
        for (int i = 0; i < 40; i++) {
            Calls.fail(breaker, 1);
            Calls.succeed(breaker, 2);
            Calls.fail(breaker, 1);
            Calls.succeed(breaker, 1);
        }
        assertThat(breaker.state()).isEqualTo(CLOSED);
        assertThat(breaker.snapshot().failureRate()).isEqualTo(40.0);
    }

    @Test
    void theCountWindowForgetsCallsOlderThanItsSize() {
        CircuitBreaker breaker = breaker(CircuitBreakerConfig.builder().countWindow(10).minimumCalls(10));
        Calls.fail(breaker, 4);
        Calls.succeed(breaker, 10);

        CircuitBreakerSnapshot snapshot = breaker.snapshot();
        assertThat(snapshot.calls()).isEqualTo(10);
        assertThat(snapshot.failures()).isZero();
    }

    @Test
    void slowCallsTripTheBreaker() {
        CircuitBreaker breaker = breaker(CircuitBreakerConfig.builder().minimumCalls(4)
                .slowCallDuration(Duration.ofSeconds(1)).slowCallRateThreshold(75));
        Calls.slow(breaker, 2, Duration.ofSeconds(1));
        Calls.succeed(breaker, 1);
        assertThat(breaker.state()).isEqualTo(CLOSED);

        Calls.slow(breaker, 1, Duration.ofSeconds(2));

        assertThat(breaker.state()).isEqualTo(OPEN);
        assertThat(listener.last().reason()).isEqualTo("slow call rate 75.0% >= 75.0% (3 of 4 calls)");
    }

    @Test
    void ignoredExceptionsDoNotCount() {
        CircuitBreaker breaker = breaker(CircuitBreakerConfig.builder().minimumCalls(2)
                .ignore(CancellationException.class));
        Calls.make(breaker, 10, new CancellationException("caller gave up"), Calls.FAST);

        assertThat(breaker.state()).isEqualTo(CLOSED);
        assertThat(breaker.snapshot().calls()).isZero();
    }

    @Test
    void onlyDeclaredFailuresCount() {
        CircuitBreaker breaker = breaker(CircuitBreakerConfig.builder().minimumCalls(2)
                .recordFailure(error -> error instanceof IOException));
        Calls.make(breaker, 10, new IllegalArgumentException("bad request"), Calls.FAST);
        assertThat(breaker.snapshot().failures()).isZero();
        assertThat(breaker.snapshot().calls()).isEqualTo(10);

        Calls.make(breaker, 5, new IOException("connection reset"), Calls.FAST);

        assertThat(breaker.state()).isEqualTo(OPEN);
    }

    @Test
    void forcedOpenRejectsEverything() {
        CircuitBreaker breaker = breaker(CircuitBreakerConfig.builder());
        breaker.forceOpen("database maintenance");
        clock.advance(Duration.ofDays(1));

        assertThat(Calls.succeed(breaker, 100)).isZero();
        assertThat(breaker.state()).isEqualTo(FORCED_OPEN);
        assertThat(breaker.snapshot().notPermittedCalls()).isEqualTo(100);
        assertThat(listener.last().reason()).isEqualTo("database maintenance");
    }

    @Test
    void forcedClosedAdmitsEverythingAndNeverTrips() {
        CircuitBreaker breaker = breaker(CircuitBreakerConfig.builder());
        breaker.forceClosed("provider's errors are expected during the migration");

        assertThat(Calls.fail(breaker, 200)).isEqualTo(200);
        assertThat(breaker.state()).isEqualTo(FORCED_CLOSED);
        assertThat(breaker.snapshot().failureRate()).isEqualTo(100.0);
    }

    @Test
    void resetClosesWithAnEmptyWindow() {
        CircuitBreaker breaker = breaker(CircuitBreakerConfig.builder());
        Calls.fail(breaker, 5);
        assertThat(breaker.state()).isEqualTo(OPEN);

        breaker.reset();

        assertThat(breaker.state()).isEqualTo(CLOSED);
        assertThat(breaker.snapshot().calls()).isZero();
        assertThat(listener.last()).extracting(StateTransition::from, StateTransition::to, StateTransition::reason)
                .containsExactly(OPEN, CLOSED, "reset by operator");
    }

    @Test
    void lateOutcomesAfterOpeningChangeNothing() {
        CircuitBreaker breaker = breaker(CircuitBreakerConfig.builder());
        assertThat(breaker.tryAcquirePermission()).isTrue();
        Calls.fail(breaker, 5);

        breaker.onSuccess(Calls.FAST);

        assertThat(breaker.state()).isEqualTo(OPEN);
        assertThat(listener.transitions()).hasSize(1);
    }
}
