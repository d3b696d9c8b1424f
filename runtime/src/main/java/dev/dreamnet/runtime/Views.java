package dev.dreamnet.runtime;

import dev.dreamnet.core.health.GateSnapshot;
import dev.dreamnet.core.health.HealthReport;
import dev.dreamnet.core.startup.NodeSnapshot;
import dev.dreamnet.core.startup.StartupSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The JSON shapes of the probes and observability endpoints: durations in milliseconds, times in ISO-8601. */
public final class Views {

    private Views() {
    }

    public record CriticalPathView(List<String> services, int length, Long durationMs) {
    }

    public record NodeView(String name, String kind, boolean critical, String state, List<String> dependsOn,
                           int attempts, Instant startedAt, Instant readyAt, Long durationMs, String blockedBy,
                           String error) {
    }

    public record StartupView(String status, Instant startedAt, long elapsedMs, CriticalPathView criticalPath,
                              List<NodeView> nodes, String reason) {
    }

    public record GateView(String name, boolean critical, String state, boolean ready, int consecutivePasses,
                           int consecutiveFailures, Boolean lastHealthy, String lastDetail, Long lastDurationMs,
                           Instant lastCheckedAt, Instant lastTransitionAt, long checks) {
    }

    public record GatesView(String status, List<GateView> gates) {
    }

    public static StartupView startup(StartupSnapshot s) {
        List<NodeView> nodes = s.nodes().stream().map(Views::node).toList();
        return new StartupView(s.status().name(), s.startedAt(), s.elapsed().toMillis(),
                new CriticalPathView(s.criticalPath(), s.criticalPath().size(), millis(s.criticalPathDuration())),
                nodes, s.reason());
    }

    public static GatesView gates(HealthReport report) {
        return new GatesView(report.status().name(), report.gates().stream().map(Views::gate).toList());
    }

    private static NodeView node(NodeSnapshot n) {
        return new NodeView(n.name(), n.kind(), n.critical(), n.state().name(), n.dependsOn(), n.attempts(),
                n.startedAt(), n.readyAt(), millis(n.duration()), n.blockedBy(), n.error());
    }

    private static GateView gate(GateSnapshot g) {
        return new GateView(g.name(), g.critical(), g.state(), g.ready(), g.consecutivePasses(),
                g.consecutiveFailures(), g.lastResult() == null ? null : g.lastResult().healthy(),
                g.lastResult() == null ? null : g.lastResult().detail(), millis(g.lastDuration()),
                g.lastCheckedAt(), g.lastTransitionAt(), g.checks());
    }

    private static Long millis(Duration duration) {
        return duration == null ? null : duration.toMillis();
    }
}
