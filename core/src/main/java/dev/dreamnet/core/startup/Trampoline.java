package dev.dreamnet.core.startup;

import java.util.ArrayDeque;

/**
 * Runs work deferred while a lock was held, after the lock is released, without recursion: work
 * that defers more work while being run is queued on the same thread and run by the outer loop.
 * This keeps a 10,000-service chain on a direct executor from overflowing the stack. Each thread
 * has its own queue.
 */
final class Trampoline {

    private static final ThreadLocal<Trampoline> CURRENT = ThreadLocal.withInitial(Trampoline::new);

    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private boolean draining;

    private Trampoline() {
    }

    /** Queues {@code work} to run once the current thread leaves its locks and calls {@link #drain()}. */
    static void defer(Runnable work) {
        CURRENT.get().queue.add(work);
    }

    /** Runs queued work until none is left, unless this thread is already doing so further up its stack. */
    static void drain() {
        Trampoline trampoline = CURRENT.get();
        if (trampoline.draining) {
            return;
        }
        trampoline.draining = true;
        try {
            Runnable work;
            while ((work = trampoline.queue.poll()) != null) {
                work.run();
            }
        } finally {
            trampoline.draining = false;
        }
    }
}
