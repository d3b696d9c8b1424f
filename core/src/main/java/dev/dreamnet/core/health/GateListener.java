package dev.dreamnet.core.health;

/**
 * Hears a gate flip. Called once per transition, outside the gate's lock, on whichever thread
 * recorded the result (the executor's or the scheduler's). A listener that throws is logged and
 * skipped; it never stops the gate or the other listeners. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface GateListener {

    void onTransition(GateTransition transition);
}
