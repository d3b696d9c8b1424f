package dev.dreamnet.core.metrics.internal;

import org.HdrHistogram.Histogram;

/**
 * A ring of fixed-length time slots, each holding the histogram of what was recorded in it (or
 * nothing, when nothing was). A window of k slots is the merge of the k newest, the current one
 * included, so data leaves a window exactly when its slot falls out of the last k. Not thread-safe:
 * the owning {@code RequestMetrics} guards it.
 */
public final class SlotRing {

    private final long[] slotIndex;
    private final Histogram[] slots;
    private final int digits;

    public SlotRing(int size) {
        this(size, StripedRecorder.DIGITS);
    }

    /** A ring whose slots keep {@code digits} significant digits. */
    public SlotRing(int size, int digits) {
        this.digits = digits;
        slotIndex = new long[size];
        slots = new Histogram[size];
        java.util.Arrays.fill(slotIndex, Long.MIN_VALUE);
    }

    public int size() {
        return slots.length;
    }

    /** The histogram of slot {@code index}, emptied first when it still holds an older slot's data. */
    public Histogram slot(long index) {
        int at = (int) Math.floorMod(index, (long) slots.length);
        if (slotIndex[at] != index) {
            slotIndex[at] = index;
            if (slots[at] != null) {
                slots[at].reset();
            }
        }
        if (slots[at] == null) {
            slots[at] = digits == StripedRecorder.DIGITS ? StripedRecorder.newPackedHistogram()
                    : StripedRecorder.newHistogram(digits);
        }
        return slots[at];
    }

    /** Adds the slots {@code current - count + 1 .. current} into {@code target}. */
    public void mergeInto(long current, int count, Histogram target) {
        if (count > slots.length) {
            throw new IllegalArgumentException("a window of " + count + " slots exceeds the ring of " + slots.length);
        }
        for (int i = 0; i < slots.length; i++) {
            long index = slotIndex[i];
            if (slots[i] != null && index <= current && index > current - count) {
                target.add(slots[i]);
            }
        }
    }
}
