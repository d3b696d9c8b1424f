package dev.dreamnet.core.rollout;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every event it hears, in order. Thread-safe. */
final class RecordingListener implements RolloutListener {

    private final List<RolloutEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(RolloutEvent event) {
        events.add(event);
    }

    List<RolloutEvent> events() {
        return List.copyOf(events);
    }

    <T extends RolloutEvent> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
