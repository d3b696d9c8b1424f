package dev.dreamnet.core.breaker.internal;

import dev.dreamnet.core.breaker.CallNotPermittedException;
import dev.dreamnet.core.breaker.CircuitBreaker;
import dev.dreamnet.core.breaker.StateTransition;
import dev.dreamnet.core.time.Clock;
import java.time.Instant;

/**
 * OPEN: rejects every call until the reset timeout has passed, then hands the first caller on to
 * HALF_OPEN. A rejection reads the clock once and allocates nothing: the exception for this open
 * period is made once, on entry. Thread-safe.
 */
final class OpenState extends BreakerState {

    private final Clock clock;
    private final long retryAtNanos;
    private final Instant nextAttemptAt;
    private final WindowCounts counts;
    private final CallNotPermittedException rejection;

    OpenState(RealCircuitBreaker breaker, StateTransition cause, WindowCounts counts) {
        super(breaker, cause);
        this.clock = breaker.clock();
        long timeoutNanos = breaker.config().resetTimeout().toNanos();
        this.retryAtNanos = clock.nanoTime() + timeoutNanos;
        this.nextAttemptAt = cause.at().plusNanos(timeoutNanos);
        this.counts = counts;
        this.rejection = super.rejection();
    }

    @Override
    CircuitBreaker.State state() {
        return CircuitBreaker.State.OPEN;
    }

    @Override
    boolean tryAcquire() {
        if (clock.nanoTime() - retryAtNanos < 0) {
            breaker.countRejection();
            return false;
        }
        breaker.toHalfOpen(this);
        return breaker.current().tryAcquire();
    }

    @Override
    void record(int outcome) {
        // Late outcomes of calls admitted before the breaker opened change nothing now.
    }

    @Override
    WindowCounts counts() {
        return counts;
    }

    @Override
    Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    @Override
    CallNotPermittedException rejection() {
        return rejection;
    }
}
