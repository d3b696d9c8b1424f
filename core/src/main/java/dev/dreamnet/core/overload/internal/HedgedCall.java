package dev.dreamnet.core.overload.internal;

import dev.dreamnet.core.time.Clock;
import dev.dreamnet.core.time.Scheduler;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * One hedged call: the primary request runs on the executor; if it has not ended after the delay,
 * the scheduler starts one hedge, when {@link Hooks#tryStartHedge()} allows. The first success is
 * the answer and the other request is cancelled (interrupted). A failure ends the call only when no
 * other request is still running; after a failure no hedge starts (hedging is for slowness; retries
 * are for failures). Used once, by one caller; its state is guarded by {@code this}.
 */
public final class HedgedCall<T> {

    /** What the policy decides and counts. */
    public interface Hooks {
        /** Whether a hedge may start now (budget, bulkhead), counting the decision. */
        boolean tryStartHedge();

        /** A hedge that started has ended, however. */
        void hedgeEnded();

        /** A request answered first, after {@code latencyNanos} of its own. */
        void won(boolean hedge, long latencyNanos);
    }

    private static final int PRIMARY = 0;
    private static final int HEDGE = 1;

    private final Callable<T> request;
    private final Clock clock;
    private final ExecutorService executor;
    private final Hooks hooks;
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private final Future<?>[] legs = new Future<?>[2]; // guarded by this
    /** Per leg: it began running, or was abandoned before it could; either way it may not begin again. */
    private final boolean[] begun = new boolean[2]; // guarded by this
    private int running; // guarded by this
    private int winner = -1; // guarded by this
    private boolean closed; // guarded by this: no hedge may start any more
    private Throwable failure; // guarded by this

    public HedgedCall(Callable<T> request, Clock clock, ExecutorService executor, Hooks hooks) {
        this.request = request;
        this.clock = clock;
        this.executor = executor;
        this.hooks = hooks;
    }

    /** Runs the call, hedging after {@code delay} (never when null), and waits for its answer. */
    public T run(Duration delay, Scheduler scheduler) throws Exception {
        synchronized (this) {
            legs[PRIMARY] = start(PRIMARY);
        }
        Scheduler.Cancellable timer = delay == null ? null : scheduler.schedule(delay, this::hedge);
        try {
            return result.get();
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        } finally {
            if (timer != null) {
                timer.cancel();
            }
            cancelLosers();
        }
    }

    private Future<?> start(int leg) {
        running++;
        return executor.submit(() -> runLeg(leg));
    }

    private void hedge() {
        synchronized (this) {
            if (closed || result.isDone() || !hooks.tryStartHedge()) {
                return;
            }
            try {
                legs[HEDGE] = start(HEDGE);
            } catch (RuntimeException e) {
                running--;
                hooks.hedgeEnded();
            }
        }
    }

    private void runLeg(int leg) {
        synchronized (this) {
            if (begun[leg]) {
                return;
            }
            begun[leg] = true;
        }
        long start = clock.nanoTime();
        try {
            T value = request.call();
            long latency = clock.nanoTime() - start;
            succeeded(leg, value, latency);
        } catch (Throwable e) {
            failed(e);
        } finally {
            if (leg == HEDGE) {
                hooks.hedgeEnded();
            }
        }
    }

    private void succeeded(int leg, T value, long latencyNanos) {
        synchronized (this) { // every completion of the result happens under this lock
            running--;
            closed = true;
            if (result.isDone()) {
                return;
            }
            winner = leg;
            // Counted before the caller is answered: a caller reading the statistics after its answer sees its call.
            hooks.won(leg == HEDGE, latencyNanos);
            result.complete(value);
        }
    }

    private void failed(Throwable e) {
        synchronized (this) {
            running--;
            closed = true;
            if (result.isDone()) {
                return;
            }
            if (failure == null) {
                failure = e;
            } else if (failure != e) {
                failure.addSuppressed(e);
            }
            if (running == 0) {
                result.completeExceptionally(failure);
            }
        }
    }

    private synchronized void cancelLosers() {
        closed = true;
        for (int leg = 0; leg < legs.length; leg++) {
            if (legs[leg] != null && leg != winner) {
                legs[leg].cancel(true);
                if (!begun[leg]) {
                    // Cancelled before a thread took it: runLeg will not run, so give back what it holds.
                    begun[leg] = true;
                    if (leg == HEDGE) {
                        hooks.hedgeEnded();
                    }
                }
            }
        }
    }

    private static Exception rethrow(Throwable cause) {
        if (cause instanceof Error error) {
            throw error;
        }
        return (Exception) cause;
    }
}
