package dev.dreamnet.core;

import java.lang.management.ManagementFactory;

/** Bytes allocated by the calling thread, for the hot-path allocation guards. */
public final class Allocations {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Allocations() {
    }

    /** Runs {@code calls} once to warm up, then again, and returns what the second run allocated on this thread. */
    public static long allocatedBy(Runnable calls) {
        calls.run();
        long threadId = Thread.currentThread().getId();
        long before = THREADS.getThreadAllocatedBytes(threadId);
        calls.run();
        return THREADS.getThreadAllocatedBytes(threadId) - before;
    }
}
