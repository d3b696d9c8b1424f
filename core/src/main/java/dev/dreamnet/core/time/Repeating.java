package dev.dreamnet.core.time;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * A task run again and again with a fixed pause between the end of one run and the start of the
 * next (so runs never overlap), on {@code executor}, timed by {@code scheduler}. A run that throws
 * does not stop the repetition; the task should catch and report its own failures. Thread-safe.
 */
public final class Repeating {

    private final Scheduler scheduler;
    private final Executor executor;
    private final Duration pause;
    private final Runnable task;
    private volatile boolean running;
    private volatile Scheduler.Cancellable next;

    public Repeating(Scheduler scheduler, Executor executor, Duration pause, Runnable task) {
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

    public boolean running() {
        return running;
    }

    private void schedule() {
        if (running) {
            next = scheduler.schedule(pause, () -> executor.execute(this::run));
        }
    }

    private void run() {
        if (!running) {
            return;
        }
        try {
            task.run();
        } finally {
            schedule();
        }
    }
}
