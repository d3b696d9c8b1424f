package dev.dreamnet.core.startup;

import dev.dreamnet.core.time.Scheduler.Cancellable;
import java.util.concurrent.Future;

/** Mutable state of one service during a run. Not thread-safe: guarded by the owning {@link StartupDag}. */
final class Node {

    final int index;
    final ServiceSpec spec;
    final Component component;
    NodeState state = NodeState.PENDING;
    int attempts;
    int parentsReady;
    long firstAttemptNanos = -1;
    long firstAttemptWallMillis;
    long readyNanos = -1;
    long endNanos = -1;
    long readyWallMillis;
    String blockedBy;
    String error;
    Future<?> running;
    Cancellable timer;

    Node(int index, ServiceSpec spec, Component component) {
        this.index = index;
        this.spec = spec;
        this.component = component;
    }

    String name() {
        return spec.name();
    }

    long durationNanos(long nowNanos) {
        if (firstAttemptNanos < 0) {
            return 0;
        }
        return (endNanos >= 0 ? endNanos : nowNanos) - firstAttemptNanos;
    }

    long deadlineNanos() {
        return firstAttemptNanos + spec.startTimeout().toNanos();
    }

    void cancelTimerAndTask() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
        Future<?> task = running;
        running = null; // first, so that the task's completion callback sees it as abandoned
        if (task != null) {
            task.cancel(true);
        }
    }
}
