package dev.dreamnet.core.health;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;

/** An executor that only queues tasks, so a test decides when (or whether) a check "finishes". */
final class QueueingExecutor implements Executor {

    private final Deque<Runnable> queued = new ArrayDeque<>();

    @Override
    public synchronized void execute(Runnable task) {
        queued.add(task);
    }

    synchronized int queued() {
        return queued.size();
    }

    /** Runs the oldest queued task on the calling thread. */
    void runNext() {
        Runnable next;
        synchronized (this) {
            next = queued.remove();
        }
        next.run();
    }
}
