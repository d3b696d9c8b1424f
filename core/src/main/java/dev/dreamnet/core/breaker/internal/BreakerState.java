package dev.dreamnet.core.breaker.internal;

import dev.dreamnet.core.breaker.CallNotPermittedException;
import dev.dreamnet.core.breaker.CircuitBreaker;
import dev.dreamnet.core.breaker.StateTransition;
import java.time.Instant;

/**
 * One state of a breaker, one class per state. A state object is never reused: every transition
 * installs a new one, so counts and permits start afresh and a late caller touching the old
 * object cannot disturb the new state. Implementations are thread-safe.
 */
abstract sealed class BreakerState
        permits ClosedState, OpenState, HalfOpenState, ForcedOpenState, ForcedClosedState {

    final RealCircuitBreaker breaker;
    /** The transition that entered this state, or null for a breaker's first state. */
    final StateTransition cause;

    BreakerState(RealCircuitBreaker breaker, StateTransition cause) {
        this.breaker = breaker;
        this.cause = cause;
    }

    abstract CircuitBreaker.State state();

    abstract boolean tryAcquire();

    /** Records the outcome code (see {@link Outcome}) of a permitted call. */
    abstract void record(int outcome);

    /** Gives back a permit that was not used. */
    void release() {
    }

    abstract WindowCounts counts();

    /** When an open breaker will next admit a trial call, or null. */
    Instant nextAttemptAt() {
        return null;
    }

    /** The exception for a call this state rejected. */
    CallNotPermittedException rejection() {
        return new CallNotPermittedException(breaker.name(), state(), nextAttemptAt());
    }
}
