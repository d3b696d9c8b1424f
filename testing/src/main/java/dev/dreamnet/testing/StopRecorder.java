package dev.dreamnet.testing;

import dev.dreamnet.core.startup.Component;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Hands out components that start at once and write their name here when stopped, so a test can
 * assert the order in which services were stopped. Thread-safe.
 */
public final class StopRecorder {

    private final List<String> stopped = new CopyOnWriteArrayList<>();

    /** A component for service {@code name} that records its stop. */
    public Component component(String name) {
        return new Component() {
            @Override
            public void start() {
            }

            @Override
            public void stop() {
                stopped.add(name);
            }
        };
    }

    /** The services stopped so far, in stop order. */
    public List<String> stopped() {
        return List.copyOf(stopped);
    }
}
