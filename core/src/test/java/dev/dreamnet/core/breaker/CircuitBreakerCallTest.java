package dev.dreamnet.core.breaker;

import static dev.dreamnet.core.breaker.CircuitBreaker.State.CLOSED;
import static dev.dreamnet.core.breaker.CircuitBreaker.State.OPEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dreamnet.core.time.FakeClock;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CircuitBreakerCallTest {

    private final FakeClock clock = new FakeClock();
    private final RecordingListener listener = new RecordingListener();
    private final CircuitBreaker breaker = CircuitBreaker.builder("provider").clock(clock).listener(listener)
            .config(CircuitBreakerConfig.builder().minimumCalls(2).slowCallDuration(Duration.ofSeconds(1))
                    .slowCallRateThreshold(100).build())
            .build();

    @Test
    void callReturnsTheResultAndTimesTheCallWithTheBreakersClock() throws Exception {
        String result = breaker.call(() -> {
            clock.advance(Duration.ofSeconds(2));
            return "ok";
        });
        breaker.run(() -> clock.advance(Duration.ofSeconds(1)));

        assertThat(result).isEqualTo("ok");
        assertThat(breaker.state()).as("two slow calls out of two").isEqualTo(OPEN);
    }

    @Test
    void callRecordsAndRethrowsTheFailure() {
        IOException failure = new IOException("connection refused");

        assertThatThrownBy(() -> breaker.call(() -> {
            throw failure;
        })).isSameAs(failure);
        assertThat(breaker.snapshot().failures()).isEqualTo(1);
    }

    @Test
    void rejectedCallNamesTheBreakerStateAndNextAttempt() {
        breaker.forceOpen("maintenance");
        assertThatThrownBy(() -> breaker.run(() -> { }))
                .isInstanceOf(CallNotPermittedException.class)
                .hasMessage("circuit breaker \"provider\" is FORCED_OPEN and does not permit calls"
                        + " until an operator closes or resets it");

        breaker.reset();
        Calls.fail(breaker, 5);
        CallNotPermittedException rejected = catchRejection();
        assertThat(rejected.breakerName()).isEqualTo("provider");
        assertThat(rejected.state()).isEqualTo(OPEN);
        assertThat(rejected.nextAttemptAt()).isEqualTo(listener.last().at().plus(breaker.config().resetTimeout()));
        assertThat(rejected).hasMessageContaining("it may try again at " + rejected.nextAttemptAt());
    }

    @Test
    void getFallsBackWhenRejectedOrFailing() {
        assertThat(breaker.<String>get(() -> {
            throw new IllegalStateException("down");
        }, error -> "fallback: " + error.getMessage())).isEqualTo("fallback: down");

        breaker.forceOpen("maintenance");
        assertThat(breaker.<String>get(() -> "fresh", error -> error.getClass().getSimpleName()))
                .isEqualTo("CallNotPermittedException");
    }

    @Test
    void snapshotShowsCountsRatesAndTheLastTransition() {
        Calls.succeed(breaker, 3);
        Calls.fail(breaker, 1);
        CircuitBreakerSnapshot closed = breaker.snapshot();
        assertThat(closed.state()).isEqualTo(CLOSED);
        assertThat(closed.calls()).isEqualTo(4);
        assertThat(closed.failures()).isEqualTo(1);
        assertThat(closed.failureRate()).isEqualTo(25.0);
        assertThat(closed.lastTransition()).isNull();
        assertThat(closed.nextAttemptAt()).isNull();

        Calls.fail(breaker, 4);
        CircuitBreakerSnapshot open = breaker.snapshot();
        assertThat(open.state()).isEqualTo(OPEN);
        assertThat(open.lastTransition()).isEqualTo(listener.last());
        assertThat(open.lastTransition().at()).isEqualTo(clock.now());
        assertThat(open.nextAttemptAt()).isEqualTo(clock.now().plus(breaker.config().resetTimeout()));
    }

    @Test
    void aThrowingListenerNeverBreaksTheCallerNorTheOtherListeners() {
        RecordingListener second = new RecordingListener();
        breaker.addListener(transition -> {
            throw new IllegalStateException("listener bug");
        });
        breaker.addListener(second);

        breaker.forceOpen("maintenance");

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.FORCED_OPEN);
        assertThat(second.transitions()).hasSize(1);
    }

    @Test
    void rejectionsShareOneExceptionPerOpenPeriod() {
        Calls.fail(breaker, 5);

        assertThat(catchRejection()).isSameAs(catchRejection());
    }

    private CallNotPermittedException catchRejection() {
        try {
            breaker.run(() -> { });
        } catch (CallNotPermittedException e) {
            return e;
        }
        throw new AssertionError("the call was permitted");
    }
}
