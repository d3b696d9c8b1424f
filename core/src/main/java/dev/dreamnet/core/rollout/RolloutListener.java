package dev.dreamnet.core.rollout;

/**
 * Hears every decision of a rollout. Called on the thread that took the decision, outside any lock,
 * after the new state is visible. A listener that throws is logged and never breaks the caller or the
 * other listeners. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface RolloutListener {

    void onEvent(RolloutEvent event);
}
