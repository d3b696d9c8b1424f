package dev.dreamnet.core.health;

import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The listeners of one gate. {@link #publish} must be called outside any lock; a listener that
 * throws is logged with the gate's name and skipped. Thread-safe (copy-on-write).
 */
final class Listeners {

    private static final System.Logger LOG = System.getLogger(HealthGate.class.getName());

    private final CopyOnWriteArrayList<GateListener> all = new CopyOnWriteArrayList<>();

    void add(GateListener listener) {
        all.add(Objects.requireNonNull(listener, "listener"));
    }

    void remove(GateListener listener) {
        all.remove(listener);
    }

    /** Tells every listener, in the order added; does nothing for a null transition. */
    void publish(GateTransition transition) {
        if (transition == null) {
            return;
        }
        for (GateListener listener : all) {
            try {
                listener.onTransition(transition);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, () -> "health gate \"" + transition.gate() + "\": listener "
                        + listener + " failed on the transition to " + (transition.ready() ? "READY" : "NOT_READY"), e);
            }
        }
    }
}
