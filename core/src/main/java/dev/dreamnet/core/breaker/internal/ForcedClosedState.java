package dev.dreamnet.core.breaker.internal;

import dev.dreamnet.core.breaker.CircuitBreaker;
import dev.dreamnet.core.breaker.StateTransition;

/**
 * FORCED_CLOSED, set by an operator: admits every call and never trips. Outcomes still go to a
 * window so that operators see the failure rate they are overriding. Thread-safe.
 */
final class ForcedClosedState extends BreakerState {

    private final SlidingWindow window;

    ForcedClosedState(RealCircuitBreaker breaker, StateTransition cause) {
        super(breaker, cause);
        this.window = breaker.newWindow();
    }

    @Override
    CircuitBreaker.State state() {
        return CircuitBreaker.State.FORCED_CLOSED;
    }

    @Override
    boolean tryAcquire() {
        return true;
    }

    @Override
    void record(int outcome) {
        window.record(outcome, null);
    }

    @Override
    WindowCounts counts() {
        return window.counts();
    }
}
