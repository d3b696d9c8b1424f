package dev.dreamnet.core.health;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remembers every transition it hears, in order. Thread-safe. */
final class RecordingListener implements GateListener {

    private final List<GateTransition> transitions = new CopyOnWriteArrayList<>();

    @Override
    public void onTransition(GateTransition transition) {
        transitions.add(transition);
    }

    List<GateTransition> transitions() {
        return List.copyOf(transitions);
    }

    /** The readiness each transition led to, in order. */
    List<Boolean> readiness() {
        return transitions.stream().map(GateTransition::ready).toList();
    }
}
