package dev.dreamnet.core.time;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * A task run again and again with a fixed pause between the end of one run and the start of the
 * next (so runs never overlap), on {@code executor}, timed by {@code scheduler}. A run that throws
 * does not stop the repetition; the task should catch and report its own failures. {@link #stopAndWait}
 * measures its timeout on {@code clock}. Thread-safe.
 */
public final class Repeating {

    private final Clock clock;
    private final Scheduler scheduler;
    private final Executor executor;
    private final Duration pause;
    private final Runnable task;
    private volatile boolean running;
    private volatile Scheduler.Cancellable next;
    private final Object runLock = new Object();
    private boolean inRun; // guarded by runLock

    public Repeating(Clock clock, Scheduler scheduler, Executor executor, Duration pause, Runnable task) {
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler must not be null");
        this.executor = Objects.requireNonNull(executor, "executor must not be null");
        this.pause = Objects.requireNonNull(pause, "pause must not be null");
        this.task = Objects.requireNonNull(task, "task must not be null");
        if (pause.isNegative() || pause.isZero()) {
            throw new IllegalArgumentException("pause must be > 0, was " + pause);
        }
    }

    /** Runs the task one pause from now, and again one pause after each run ends, until {@link #stop()}. */
    public void start() {
        running = true;
        schedule();
    }

    /** No run starts after this returns; a run in progress finishes. Idempotent. */
    public void stop() {
        running = false;
        Scheduler.Cancellable pending = next;
        if (pending != null) {
            pending.cancel();
        }
    }

    /**
     * {@link #stop()}, then waits up to {@code timeout} for a run in progress to finish, so that what
     * the task uses (a connection pool, a broker channel) can be closed after this returns.
     *
     * @return true if no run is in progress any more, false if one still was at the timeout
     */
    public boolean stopAndWait(Duration timeout) throws InterruptedException {
        stop();
        long deadline = clock.nanoTime() + timeout.toNanos();
        synchronized (runLock) {
            while (inRun) {
                long left = deadline - clock.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(runLock, left);
            }
        }
        return true;
    }

    public boolean running() {
        return running;
    }

    private void schedule() {
        if (running) {
            next = scheduler.schedule(pause, () -> executor.execute(this::run));
        }
    }

    private void run() {
        synchronized (runLock) {
            if (!running) {
                return;
            }
            inRun = true;
        }
        try {
            task.run();
        } finally {
            synchronized (runLock) {
                inRun = false;
                runLock.notifyAll();
            }
            schedule();
        }
    }
}
