package dev.dreamnet.core.time;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts over a sliding window of time slots, lock-free and allocation-free: a few counters ({@code fields}) per
 * slot, each in one {@link AtomicLongArray} cell that packs its slot number (high 32 bits) with its count (low 32
 * bits), so a cell left over from an older lap of the ring is recognised and restarted rather than cleared by a
 * sweep. Callers number the slots (seconds, or window / buckets) from a clock; slot numbers may wrap around, as only
 * differences between two are used. Thread-safe.
 */
public final class WindowedCounts {

    private final int fields;
    private final int ring;
    private final int window;
    private final AtomicLongArray cells;

    /**
     * @param fields how many counters each slot holds
     * @param window how many slots, the current one included, a sum covers
     * @param now    the current slot: every cell starts out older than the window
     */
    public WindowedCounts(int fields, int window, int now) {
        if (fields < 1 || window < 1) {
            throw new IllegalArgumentException("fields and window must be >= 1, were " + fields + " and " + window);
        }
        this.fields = fields;
        this.window = window;
        this.ring = window;
        this.cells = new AtomicLongArray(fields * ring);
        long stale = pack(now - window - 1, 0);
        for (int i = 0; i < cells.length(); i++) {
            cells.set(i, stale);
        }
    }

    /** Adds one to {@code field} in slot {@code now}. */
    public void increment(int now, int field) {
        int index = index(now, field);
        for (;;) {
            long cell = cells.get(index);
            if (now - tag(cell) <= 0) {
                cells.getAndIncrement(index);
                return;
            }
            if (cells.compareAndSet(index, cell, pack(now, 1))) {
                return;
            }
        }
    }

    /**
     * The cell of {@code field} in slot {@code now} as it is now, to pass to {@link #incrementIfUnchanged} after a
     * check: a caller that must not overdraw a budget reads the cell, checks the sums, and adds only if no one else
     * added in between.
     */
    public long cell(int now, int field) {
        return cells.get(index(now, field));
    }

    /** Adds one to {@code field} in slot {@code now} if its cell is still {@code seen}; false if it changed. */
    public boolean incrementIfUnchanged(int now, int field, long seen) {
        long next = now - tag(seen) <= 0 ? seen + 1 : pack(now, 1);
        return cells.compareAndSet(index(now, field), seen, next);
    }

    /** The sum of {@code field} over the window ending with slot {@code now}. */
    public long sum(int now, int field) {
        long total = 0;
        for (int slot = 0; slot < ring; slot++) {
            long cell = cells.get(slot * fields + field);
            int age = now - tag(cell);
            if (age >= 0 && age < window) {
                total += cell & 0xFFFF_FFFFL;
            }
        }
        return total;
    }

    private int index(int now, int field) {
        return Math.floorMod(now, ring) * fields + field;
    }

    private static int tag(long cell) {
        return (int) (cell >>> 32);
    }

    private static long pack(int slot, long count) {
        return ((long) slot << 32) | count;
    }
}
