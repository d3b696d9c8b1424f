package dev.dreamnet.core.breaker;

/**
 * Hears a circuit breaker change state. Called on the thread that caused the change, outside any
 * lock, after the change is visible. Transitions that race on different threads may be heard out
 * of order; {@link StateTransition#at()} orders them. A listener that throws is logged and never
 * breaks the caller or the other listeners. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface TransitionListener {

    void onTransition(StateTransition transition);
}
