package dev.dreamnet.core.startup;

import dev.dreamnet.core.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds immutable snapshots from a run's mutable state. Called under the run's lock. */
final class Snapshots {

    private Snapshots() {
    }

    static StartupSnapshot of(StartupGraph graph, Node[] nodes, StartupStatus status, long startNanos,
                              long startWallMillis, long endNanos, String reason, Clock clock) {
        long now = clock.nanoTime();
        long[] durations = new long[nodes.length];
        List<NodeSnapshot> snapshots = new ArrayList<>(nodes.length);
        for (Node node : nodes) {
            durations[node.index] = node.durationNanos(now);
            snapshots.add(of(node, now));
        }
        CriticalPath path = CriticalPath.of(graph, durations);
        boolean begun = status != StartupStatus.NEW;
        Duration elapsed = begun ? Duration.ofNanos((endNanos >= 0 ? endNanos : now) - startNanos) : Duration.ZERO;
        return new StartupSnapshot(status, begun ? Instant.ofEpochMilli(startWallMillis) : null, elapsed,
                List.copyOf(snapshots), path.services(), Duration.ofNanos(path.nanos()), reason);
    }

    private static NodeSnapshot of(Node node, long now) {
        boolean begun = node.firstAttemptNanos >= 0;
        return new NodeSnapshot(node.name(), node.spec.kind(), node.spec.critical(), node.state,
                node.spec.dependsOn(), node.attempts,
                begun ? Instant.ofEpochMilli(node.firstAttemptWallMillis) : null,
                node.readyNanos >= 0 ? Instant.ofEpochMilli(node.readyWallMillis) : null,
                begun ? Duration.ofNanos(node.durationNanos(now)) : null,
                node.blockedBy, node.error);
    }
}
