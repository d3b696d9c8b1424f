package dev.dreamnet.core.watchdog.internal;

/**
 * How much an ever-growing counter (GC pause millis, dead letters) grew over the last window.
 * Samples are kept at most one per window/60 in a fixed ring, so memory stays constant however
 * often it is fed. A counter that goes down was reset (broker restart): its new value counts as
 * growth, like Prometheus's {@code increase()}. Not thread-safe: the owner guards it.
 */
public final class CounterWindow {

    private static final int CAPACITY = 64;

    private final long windowNanos;
    private final long spacingNanos;
    private final long[] times = new long[CAPACITY];
    private final long[] totals = new long[CAPACITY];
    private int newest = -1;
    private int size;
    private long accumulated;
    private long lastRaw;
    private long lastNanos;

    public CounterWindow(long windowNanos) {
        if (windowNanos <= 0) {
            throw new IllegalArgumentException("window must be > 0, was " + windowNanos + " ns");
        }
        this.windowNanos = windowNanos;
        this.spacingNanos = Math.max(1, windowNanos / (CAPACITY - 4));
    }

    /** Feeds the counter's value at {@code nowNanos}; a time earlier than the last one counts as the last one. */
    public void record(long nowNanos, long counter) {
        if (size == 0) {
            lastRaw = counter;
            lastNanos = nowNanos;
            store(nowNanos, 0);
            return;
        }
        lastNanos = Math.max(lastNanos, nowNanos);
        accumulated += counter >= lastRaw ? counter - lastRaw : counter;
        lastRaw = counter;
        if (lastNanos - times[newest] >= spacingNanos) {
            store(lastNanos, accumulated);
        }
    }

    /** True before the first {@link #record}. */
    public boolean isEmpty() {
        return size == 0;
    }

    /** Growth between the baseline (the last sample a full window old, else the oldest) and the latest record. */
    public long increase() {
        return size == 0 ? 0 : accumulated - totals[baseline()];
    }

    /** Nanoseconds between the baseline and the latest record: the window, or less while history is short. */
    public long spanNanos() {
        return size == 0 ? 0 : lastNanos - times[baseline()];
    }

    private int baseline() {
        long cutoff = lastNanos - windowNanos;
        int oldest = Math.floorMod(newest - size + 1, CAPACITY);
        int chosen = oldest;
        for (int i = 1; i < size; i++) {
            int index = (oldest + i) % CAPACITY;
            if (times[index] > cutoff) {
                break;
            }
            chosen = index;
        }
        return chosen;
    }

    private void store(long nowNanos, long total) {
        newest = (newest + 1) % CAPACITY;
        times[newest] = nowNanos;
        totals[newest] = total;
        size = Math.min(size + 1, CAPACITY);
    }
}
