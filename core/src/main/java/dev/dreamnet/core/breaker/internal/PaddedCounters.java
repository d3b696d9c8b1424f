package dev.dreamnet.core.breaker.internal;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A few atomic counters, each alone on its cache line, so that a thread writing one does not
 * evict the read-mostly fields and counters other threads touch on every call (false sharing).
 * Thread-safe.
 */
final class PaddedCounters {

    /** Longs per 64-byte cache line. */
    private static final int SPACING = 8;

    private final AtomicLongArray cells;

    PaddedCounters(int counters) {
        this.cells = new AtomicLongArray((counters + 1) * SPACING);
    }

    private static int index(int counter) {
        return (counter + 1) * SPACING;
    }

    long get(int counter) {
        return cells.get(index(counter));
    }

    long getAndIncrement(int counter) {
        return cells.getAndIncrement(index(counter));
    }

    long incrementAndGet(int counter) {
        return cells.incrementAndGet(index(counter));
    }

    void add(int counter, long delta) {
        cells.getAndAdd(index(counter), delta);
    }

    /** Sets without a full fence: other threads see it soon, in order with this thread's later writes. */
    void setRelease(int counter, long value) {
        cells.setRelease(index(counter), value);
    }
}
