package dev.dreamnet.core.rollout.internal;

import dev.dreamnet.core.rollout.RolloutEvent;
import dev.dreamnet.core.rollout.RolloutListener;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The listeners of one rollout. Publishing calls each in turn on the caller's thread; one that throws
 * is logged and the others still hear the event. Thread-safe (copy-on-write list).
 */
final class Listeners {

    private static final System.Logger LOG = System.getLogger(Listeners.class.getName());

    private final List<RolloutListener> listeners = new CopyOnWriteArrayList<>();

    Listeners(List<RolloutListener> initial) {
        listeners.addAll(initial);
    }

    void publish(RolloutEvent event) {
        if (event == null) {
            return;
        }
        for (RolloutListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, () -> "rollout listener " + listener + " failed on " + event, e);
            }
        }
    }
}
