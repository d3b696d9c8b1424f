package dev.dreamnet.core.breaker;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remembers every transition it hears, in order. Thread-safe. */
final class RecordingListener implements TransitionListener {

    private final List<StateTransition> transitions = new CopyOnWriteArrayList<>();

    @Override
    public void onTransition(StateTransition transition) {
        transitions.add(transition);
    }

    List<StateTransition> transitions() {
        return List.copyOf(transitions);
    }

    StateTransition last() {
        return transitions.get(transitions.size() - 1);
    }
}
