package dev.dreamnet.core.breaker.internal;

import dev.dreamnet.core.breaker.CallNotPermittedException;
import dev.dreamnet.core.breaker.CircuitBreaker;
import dev.dreamnet.core.breaker.StateTransition;

/** FORCED_OPEN, set by an operator: rejects every call until reset. Thread-safe. */
final class ForcedOpenState extends BreakerState {

    private final CallNotPermittedException rejection;

    ForcedOpenState(RealCircuitBreaker breaker, StateTransition cause) {
        super(breaker, cause);
        this.rejection = super.rejection();
    }

    @Override
    CircuitBreaker.State state() {
        return CircuitBreaker.State.FORCED_OPEN;
    }

    @Override
    boolean tryAcquire() {
        breaker.countRejection();
        return false;
    }

    @Override
    void record(int outcome) {
        // Outcomes of calls admitted before the operator opened the breaker change nothing.
    }

    @Override
    WindowCounts counts() {
        return WindowCounts.EMPTY;
    }

    @Override
    CallNotPermittedException rejection() {
        return rejection;
    }
}
