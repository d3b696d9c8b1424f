package dev.dreamnet.core.watchdog.internal;

import java.util.Arrays;

/**
 * The lateness of the last ticks of a periodic probe, kept for one window in fixed arrays
 * (no allocation per tick or per read). Not thread-safe: the owner guards it.
 */
public final class LatenessWindow {

    private final long windowNanos;
    private final long[] times;
    private final long[] lateness;
    private final long[] scratch;
    private int newest = -1;
    private int size;

    public LatenessWindow(long windowNanos, int capacity) {
        if (windowNanos <= 0 || capacity <= 0) {
            throw new IllegalArgumentException("window and capacity must be > 0, were " + windowNanos + " ns and " + capacity);
        }
        this.windowNanos = windowNanos;
        this.times = new long[capacity];
        this.lateness = new long[capacity];
        this.scratch = new long[capacity];
    }

    /** Records that the tick that ran at {@code tickNanos} was {@code latenessNanos} late. */
    public void record(long tickNanos, long latenessNanos) {
        newest = (newest + 1) % times.length;
        times[newest] = tickNanos;
        lateness[newest] = latenessNanos;
        size = Math.min(size + 1, times.length);
    }

    /**
     * Writes the max and the nearest-rank p99 lateness of the ticks of the last window before
     * {@code nowNanos} into {@code stats[0]} and {@code stats[1]}, and returns how many ticks
     * that window holds; with none, {@code stats} is left untouched.
     */
    public int stats(long nowNanos, long[] stats) {
        long cutoff = nowNanos - windowNanos;
        int count = 0;
        for (int i = 0; i < size; i++) {
            int index = Math.floorMod(newest - i, times.length);
            if (times[index] <= cutoff) {
                break;
            }
            scratch[count++] = lateness[index];
        }
        if (count > 0) {
            Arrays.sort(scratch, 0, count);
            stats[0] = scratch[count - 1];
            stats[1] = scratch[(int) Math.ceil(0.99 * count) - 1];
        }
        return count;
    }
}
