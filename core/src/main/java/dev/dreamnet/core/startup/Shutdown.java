package dev.dreamnet.core.startup;

import dev.dreamnet.core.startup.StartupDag.RunSettings;
import dev.dreamnet.core.time.DurationSyntax;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;

/**
 * Stops READY services in reverse dependency order: a service stops once every dependent of it
 * has stopped, so independent branches stop in parallel. A stop that throws or outlasts the stop
 * timeout is recorded and shutdown moves on. Guarded by the lock of the owning {@link DagRun}.
 */
final class Shutdown {

    private final DagRun run;
    private final StartupGraph graph;
    private final Node[] nodes;
    private final RunSettings settings;
    private final CompletableFuture<StartupSnapshot> done = new CompletableFuture<>();
    private int[] runningDependents;
    private int remaining;
    private Runnable onDone;

    Shutdown(DagRun run, StartupGraph graph, Node[] nodes, RunSettings settings) {
        this.run = run;
        this.graph = graph;
        this.nodes = nodes;
        this.settings = settings;
    }

    boolean began() {
        return onDone != null;
    }

    CompletableFuture<StartupSnapshot> done() {
        return done;
    }

    void completeNow() {
        onDone = () -> { };
        Trampoline.defer(() -> done.complete(run.snapshot()));
    }

    /** Starts stopping; {@code whenStopped} runs under the lock once every READY service has stopped. */
    void begin(Runnable whenStopped) {
        onDone = whenStopped;
        runningDependents = new int[nodes.length];
        for (Node node : nodes) {
            if (node.state == NodeState.READY) {
                remaining++;
                for (int parent : graph.parentsOf(node.index)) {
                    runningDependents[parent]++;
                }
            }
        }
        if (remaining == 0) {
            finish();
            return;
        }
        for (Node node : nodes) {
            if (node.state == NodeState.READY && runningDependents[node.index] == 0) {
                stop(node);
            }
        }
    }

    private void stop(Node node) {
        run.transition(node, NodeState.STOPPING, "shutdown");
        FutureTask<Void> task = new FutureTask<>(() -> {
            node.component.stop();
            return null;
        }) {
            @Override
            protected void done() {
                onStopped(node, Outcomes.errorOf(this));
            }
        };
        node.running = task;
        node.timer = settings.scheduler().schedule(settings.stopTimeout(), () -> onStopTimeout(node));
        Trampoline.defer(() -> {
            try {
                settings.executor().execute(task);
            } catch (RejectedExecutionException e) {
                onStopped(node, e);
            }
        });
    }

    private void onStopTimeout(Node node) {
        synchronized (run) {
            if (node.state == NodeState.STOPPING) {
                node.cancelTimerAndTask();
                stopped(node, "stop timed out after " + DurationSyntax.format(settings.stopTimeout()));
            }
        }
        Trampoline.drain();
    }

    private void onStopped(Node node, Throwable error) {
        synchronized (run) {
            if (node.state == NodeState.STOPPING && node.running != null) {
                node.running = null;
                node.timer.cancel();
                stopped(node, error == null ? null : "stop failed: " + Outcomes.describe(error));
            }
        }
        Trampoline.drain();
    }

    private void stopped(Node node, String error) {
        if (error != null) {
            node.error = error;
        }
        run.transition(node, NodeState.STOPPED, error == null ? "stopped" : error);
        for (int parent : graph.parentsOf(node.index)) {
            if (--runningDependents[parent] == 0 && nodes[parent].state == NodeState.READY) {
                stop(nodes[parent]);
            }
        }
        if (--remaining == 0) {
            finish();
        }
    }

    private void finish() {
        onDone.run();
        StartupSnapshot snapshot = run.snapshot();
        Trampoline.defer(() -> done.complete(snapshot));
    }
}
