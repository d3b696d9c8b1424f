package dev.dreamnet.core.overload.internal;

import java.util.Arrays;

/**
 * The last {@code capacity} latencies in a ring, and a percentile of them, recomputed (by sorting a
 * scratch copy allocated once) only after a sixteenth of the ring has changed. Fixed memory.
 * Thread-safe; guarded by {@code this}, held for one store, or for one sort of {@code capacity} longs.
 */
public final class RecentLatencies {

    private final long[] ring;
    private final long[] sorted;
    private final double percentile;
    private final int refreshEvery;
    private int next; // guarded by this
    private int count; // guarded by this
    private int sinceRefresh; // guarded by this
    private long cached = -1; // guarded by this

    /** @param percentile in (0, 100) */
    public RecentLatencies(int capacity, double percentile) {
        this.ring = new long[capacity];
        this.sorted = new long[capacity];
        this.percentile = percentile;
        this.refreshEvery = Math.max(1, capacity / 16);
    }

    public synchronized void record(long nanos) {
        ring[next] = nanos;
        next = (next + 1) % ring.length;
        if (count < ring.length) {
            count++;
        }
        sinceRefresh++;
    }

    public synchronized int count() {
        return count;
    }

    /** The percentile by nearest rank, or -1 when nothing was recorded. */
    public synchronized long percentileNanos() {
        if (count == 0) {
            return -1;
        }
        if (cached < 0 || sinceRefresh >= refreshEvery || count < ring.length && sinceRefresh > 0) {
            System.arraycopy(ring, 0, sorted, 0, count);
            Arrays.sort(sorted, 0, count);
            int rank = (int) Math.ceil(percentile / 100.0 * count);
            cached = sorted[Math.max(0, Math.min(count, rank) - 1)];
            sinceRefresh = 0;
        }
        return cached;
    }
}
