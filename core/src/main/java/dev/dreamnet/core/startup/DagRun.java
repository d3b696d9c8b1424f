package dev.dreamnet.core.startup;

import dev.dreamnet.core.startup.StartupDag.RunSettings;
import dev.dreamnet.core.time.DurationSyntax;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;

/**
 * The engine behind {@link StartupDag}. Every state change happens under {@code this}; calls out
 * (starting or stopping a component, listeners, completing futures) are deferred through the
 * {@link Trampoline} and made after the lock is released.
 */
final class DagRun {

    private final StartupGraph graph;
    private final Node[] nodes;
    private final RunSettings settings;
    private final Shutdown shutdown;
    private final CompletableFuture<StartupSnapshot> started = new CompletableFuture<>();
    private StartupStatus status = StartupStatus.NEW; // guarded by this
    private long startNanos; // guarded by this
    private long startWallMillis; // guarded by this
    private long endNanos = -1; // guarded by this
    private String reason; // guarded by this
    private int unfinished; // guarded by this: nodes PENDING or STARTING while starting

    DagRun(StartupGraph graph, List<Component> components, RunSettings settings) {
        this.graph = graph;
        this.settings = settings;
        this.nodes = new Node[graph.size()];
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = new Node(i, graph.services().get(i), components.get(i));
        }
        this.shutdown = new Shutdown(this, graph, nodes, settings);
    }

    StartupGraph graph() {
        return graph;
    }

    CompletableFuture<StartupSnapshot> started() {
        return started;
    }

    void start() {
        synchronized (this) {
            if (status != StartupStatus.NEW) {
                throw new IllegalStateException("startup already began, status " + status);
            }
            status = StartupStatus.STARTING;
            startNanos = settings.clock().nanoTime();
            startWallMillis = settings.clock().wallMillis();
            unfinished = nodes.length;
            for (Node node : nodes) {
                if (graph.parentsOf(node.index).length == 0) {
                    launch(node);
                }
            }
        }
        Trampoline.drain();
    }

    CompletableFuture<StartupSnapshot> shutdown() {
        synchronized (this) {
            if (status == StartupStatus.NEW) {
                status = StartupStatus.STOPPED;
                shutdown.completeNow();
            } else if (status != StartupStatus.STOPPING && status != StartupStatus.STOPPED && !shutdown.began()) {
                cancelUnfinished("cancelled by shutdown");
                finishStartup(StartupStatus.STOPPING, reason);
                status = StartupStatus.STOPPING;
                shutdown.begin(() -> status = StartupStatus.STOPPED);
            }
        }
        Trampoline.drain();
        return shutdown.done();
    }

    synchronized StartupSnapshot snapshot() {
        return Snapshots.of(graph, nodes, status, startNanos, startWallMillis, endNanos, reason, settings.clock());
    }

    // ---- attempts, under the lock ----

    private void launch(Node node) {
        long now = settings.clock().nanoTime();
        if (node.firstAttemptNanos < 0) {
            node.firstAttemptNanos = now;
            node.firstAttemptWallMillis = settings.clock().wallMillis();
        }
        node.attempts++;
        transition(node, NodeState.STARTING, "attempt " + node.attempts);
        int attempt = node.attempts;
        FutureTask<Void> task = new FutureTask<>(() -> {
            node.component.start();
            return null;
        }) {
            @Override
            protected void done() {
                onAttemptDone(node, attempt, Outcomes.errorOf(this));
            }
        };
        node.running = task;
        node.timer = settings.scheduler().schedule(Duration.ofNanos(node.deadlineNanos() - now),
                () -> onTimeout(node, attempt));
        Trampoline.defer(() -> execute(task, node, attempt));
    }

    private void execute(FutureTask<Void> task, Node node, int attempt) {
        try {
            settings.executor().execute(task);
        } catch (RejectedExecutionException e) {
            onAttemptDone(node, attempt, e);
        }
    }

    private void onAttemptDone(Node node, int attempt, Throwable error) {
        synchronized (this) {
            if (node.attempts != attempt || node.state != NodeState.STARTING || node.running == null) {
                return; // a timed-out or cancelled attempt finishing late
            }
            node.running = null;
            node.timer.cancel();
            if (error == null) {
                onReady(node);
            } else {
                onAttemptFailed(node, error);
            }
        }
        Trampoline.drain();
    }

    private void onReady(Node node) {
        node.readyNanos = settings.clock().nanoTime();
        node.readyWallMillis = settings.clock().wallMillis();
        node.error = null;
        unfinished--;
        transition(node, NodeState.READY, "after " + node.attempts + " attempt(s)");
        for (int child : graph.childrenOf(node.index)) {
            Node dependent = nodes[child];
            if (++dependent.parentsReady == graph.parentsOf(child).length && dependent.state == NodeState.PENDING) {
                launch(dependent);
            }
        }
        checkFinished();
    }

    private void onAttemptFailed(Node node, Throwable error) {
        node.error = "attempt " + node.attempts + " failed: " + Outcomes.describe(error);
        long remaining = node.deadlineNanos() - settings.clock().nanoTime();
        Duration delay = settings.backoff(node.attempts);
        if (node.attempts <= node.spec.retries() && delay.toNanos() < remaining) {
            int attempt = node.attempts;
            node.timer = settings.scheduler().schedule(delay, () -> retry(node, attempt));
            return;
        }
        fail(node, "failed after " + node.attempts + " attempt(s): " + Outcomes.describe(error));
    }

    private void retry(Node node, int attempt) {
        synchronized (this) {
            if (node.attempts == attempt && node.state == NodeState.STARTING && node.running == null) {
                launch(node);
            }
        }
        Trampoline.drain();
    }

    private void onTimeout(Node node, int attempt) {
        synchronized (this) {
            if (node.attempts != attempt || node.state != NodeState.STARTING) {
                return;
            }
            node.cancelTimerAndTask();
            fail(node, "timed out after " + DurationSyntax.format(node.spec.startTimeout()) + " (" + node.attempts
                    + " attempt(s)" + (node.error == null ? "" : "; " + node.error) + ")");
        }
        Trampoline.drain();
    }

    private void fail(Node node, String why) {
        node.error = why;
        unfinished--;
        transition(node, NodeState.FAILED, why);
        if (node.spec.critical()) {
            abort("critical service \"" + node.name() + "\" " + why);
            return;
        }
        String blockedCritical = block(node);
        if (blockedCritical != null) {
            abort("critical service \"" + blockedCritical + "\" is blocked: non-critical service \""
                    + node.name() + "\" it depends on " + why);
        } else {
            checkFinished();
        }
    }

    /** Marks everything downstream of {@code failed} BLOCKED; returns the first critical one blocked, or null. */
    private String block(Node failed) {
        String firstCritical = null;
        List<Node> frontier = new ArrayList<>(List.of(failed));
        while (!frontier.isEmpty()) {
            Node parent = frontier.remove(frontier.size() - 1);
            for (int child : graph.childrenOf(parent.index)) {
                Node node = nodes[child];
                if (node.state == NodeState.PENDING) {
                    node.blockedBy = failed.name();
                    node.error = "depends on \"" + parent.name() + "\", which "
                            + (parent == failed ? "failed" : "is blocked by \"" + failed.name() + "\"");
                    unfinished--;
                    transition(node, NodeState.BLOCKED, node.error);
                    frontier.add(node);
                    if (node.spec.critical() && firstCritical == null) {
                        firstCritical = node.name();
                    }
                }
            }
        }
        return firstCritical;
    }

    private void abort(String why) {
        reason = why;
        cancelUnfinished("startup aborted: " + why);
        shutdown.begin(() -> {
            status = StartupStatus.FAILED;
            finishStartup(StartupStatus.FAILED, why);
        });
    }

    private void cancelUnfinished(String why) {
        for (Node node : nodes) {
            if (node.state == NodeState.STARTING) {
                node.cancelTimerAndTask();
                node.error = why;
                transition(node, NodeState.FAILED, why);
            } else if (node.state == NodeState.PENDING) {
                node.error = why;
                transition(node, NodeState.BLOCKED, why);
            }
        }
        unfinished = 0;
    }

    private void checkFinished() {
        if (status != StartupStatus.STARTING || unfinished > 0 || shutdown.began()) {
            return;
        }
        List<String> down = new ArrayList<>();
        for (Node node : nodes) {
            if (node.state != NodeState.READY) {
                down.add(node.name() + " " + node.state.name().toLowerCase());
            }
        }
        reason = down.isEmpty() ? null : "non-critical services not running: " + String.join(", ", down);
        status = down.isEmpty() ? StartupStatus.READY : StartupStatus.DEGRADED;
        finishStartup(status, reason);
    }

    private void finishStartup(StartupStatus result, String why) {
        if (endNanos < 0) {
            endNanos = settings.clock().nanoTime();
        }
        reason = why;
        StartupSnapshot snapshot = Snapshots.of(graph, nodes, result, startNanos, startWallMillis, endNanos, why,
                settings.clock());
        Trampoline.defer(() -> started.complete(snapshot));
    }

    void transition(Node node, NodeState to, String detail) {
        NodeTransition event = new NodeTransition(node.name(), node.state, to, settings.clock().now(), detail);
        node.state = to;
        if ((to == NodeState.READY || to == NodeState.FAILED) && node.endNanos < 0 && node.firstAttemptNanos >= 0) {
            node.endNanos = settings.clock().nanoTime();
        }
        for (StartupListener listener : settings.listeners()) {
            Trampoline.defer(() -> Outcomes.notify(listener, event));
        }
    }
}
