package dev.dreamnet.core.breaker.internal;

import dev.dreamnet.core.breaker.CircuitBreaker;
import dev.dreamnet.core.breaker.StateTransition;

/**
 * CLOSED: admits every call and trips on consecutive failures or on the window's rates. A success
 * reads the failure streak and writes it only when it must break one; the streak owns its cache
 * line, so writing it does not slow other threads reading this state. Thread-safe.
 */
final class ClosedState extends BreakerState {

    private final SlidingWindow window;
    private final int consecutiveLimit;
    private static final int STREAK = 0;

    private final PaddedCounters consecutiveFailures = new PaddedCounters(1);

    ClosedState(RealCircuitBreaker breaker, StateTransition cause) {
        super(breaker, cause);
        this.window = breaker.newWindow();
        this.consecutiveLimit = breaker.config().consecutiveFailures();
    }

    @Override
    CircuitBreaker.State state() {
        return CircuitBreaker.State.CLOSED;
    }

    @Override
    boolean tryAcquire() {
        return true;
    }

    @Override
    void record(int outcome) {
        String reason = window.record(outcome, breaker.tripRule());
        if (Outcome.isFailure(outcome)) {
            if (consecutiveFailures.incrementAndGet(STREAK) >= consecutiveLimit && reason == null) {
                reason = consecutiveLimit + " consecutive failures";
            }
        } else if (consecutiveFailures.get(STREAK) != 0) {
            consecutiveFailures.setRelease(STREAK, 0);
        }
        if (reason != null) {
            breaker.toOpen(this, reason, window.counts());
        }
    }

    @Override
    WindowCounts counts() {
        return window.counts();
    }
}
