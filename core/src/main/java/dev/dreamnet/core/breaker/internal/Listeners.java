package dev.dreamnet.core.breaker.internal;

import dev.dreamnet.core.breaker.StateTransition;
import dev.dreamnet.core.breaker.TransitionListener;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The listeners of one breaker. Publishing calls each in turn on the caller's thread; one that
 * throws is logged and the others still hear the event. Thread-safe (copy-on-write list).
 */
final class Listeners {

    private static final System.Logger LOG = System.getLogger(Listeners.class.getName());

    private final List<TransitionListener> listeners = new CopyOnWriteArrayList<>();

    void add(TransitionListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener must not be null"));
    }

    void publish(StateTransition transition) {
        for (TransitionListener listener : listeners) {
            try {
                listener.onTransition(transition);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, () -> "listener " + listener + " failed on " + transition, e);
            }
        }
    }
}
