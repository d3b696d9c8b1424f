package dev.dreamnet.core.metrics;

import java.util.List;

/** One route template's statistics over each configured window, shortest window first. */
public record RouteStats(String route, List<WindowStats> windows) {

    public RouteStats {
        windows = List.copyOf(windows);
    }
}
