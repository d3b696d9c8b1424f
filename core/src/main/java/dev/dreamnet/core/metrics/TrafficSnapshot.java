package dev.dreamnet.core.metrics;

import java.util.List;

/** Every window overall and per route, read at one moment. Immutable. */
public record TrafficSnapshot(long wallMillis, List<WindowStats> overall, List<RouteStats> routes) {

    public TrafficSnapshot {
        overall = List.copyOf(overall);
        routes = List.copyOf(routes);
    }
}
