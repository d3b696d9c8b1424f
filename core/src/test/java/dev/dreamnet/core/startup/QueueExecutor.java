package dev.dreamnet.core.startup;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/** An executor that holds tasks until the test runs them, so a test decides what runs when. */
final class QueueExecutor implements Executor {

    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

    @Override
    public synchronized void execute(Runnable task) {
        tasks.add(task);
    }

    synchronized int pending() {
        return tasks.size();
    }

    /** Runs the oldest waiting task. */
    void runNext() {
        Runnable task;
        synchronized (this) {
            task = tasks.poll();
        }
        if (task == null) {
            throw new IllegalStateException("no task waiting");
        }
        task.run();
    }

    /** Runs waiting tasks, and those they submit, until none is left. */
    void runAll() {
        while (pending() > 0) {
            runNext();
        }
    }
}
