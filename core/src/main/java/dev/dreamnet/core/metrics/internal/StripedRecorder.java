package dev.dreamnet.core.metrics.internal;

import java.util.concurrent.atomic.AtomicReferenceArray;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.PackedHistogram;
import org.HdrHistogram.Recorder;

/**
 * Wait-free latency recording for one series: a few HdrHistogram {@link Recorder}s chosen by the
 * recording thread, so two threads rarely touch the same counters. Stripes are created on first use.
 * Thread-safe: any number of writers; {@link #drainInto} is called by one reader at a time.
 */
public final class StripedRecorder {

    /** Latencies are kept in microseconds, from 1 us to one minute, to 2 significant digits (1%). */
    public static final long HIGHEST_MICROS = 60_000_000L;
    public static final int DIGITS = 2;

    private final AtomicReferenceArray<Recorder> stripes;
    private final int mask;
    private final Histogram[] recycled; // reader-side only, one per stripe: a recorder recycles only its own
    private final int digits;

    public StripedRecorder(int stripes) {
        this(stripes, DIGITS);
    }

    /** A recorder keeping {@code digits} significant digits (1: buckets of at most 6.25%, arrays 7x smaller). */
    public StripedRecorder(int stripes, int digits) {
        if (stripes <= 0 || Integer.bitCount(stripes) != 1) {
            throw new IllegalArgumentException("stripes must be a power of two, was " + stripes);
        }
        this.stripes = new AtomicReferenceArray<>(stripes);
        this.mask = stripes - 1;
        this.recycled = new Histogram[stripes];
        this.digits = digits;
    }

    public void record(long micros) {
        stripe((int) Thread.currentThread().getId() & mask).recordValue(Math.min(HIGHEST_MICROS, Math.max(0, micros)));
    }

    /** Records {@code count} values of {@code micros} at once. */
    public void record(long micros, long count) {
        stripe((int) Thread.currentThread().getId() & mask).recordValueWithCount(
                Math.min(HIGHEST_MICROS, Math.max(0, micros)), count);
    }

    private Recorder stripe(int index) {
        Recorder recorder = stripes.get(index);
        if (recorder != null) {
            return recorder;
        }
        stripes.compareAndSet(index, null, new Recorder(1, HIGHEST_MICROS, digits));
        return stripes.get(index);
    }

    /** Moves everything recorded since the last drain into {@code target}; returns how many values moved. */
    public long drainInto(Histogram target) {
        return drainTo(target::add);
    }

    /**
     * Moves everything recorded since the last drain to {@code sink}, one non-empty interval histogram
     * per stripe, without copying; the histograms are reused by the next drain, so the sink must not
     * keep them. Returns how many values moved.
     */
    public long drainTo(java.util.function.Consumer<Histogram> sink) {
        long moved = 0;
        for (int i = 0; i < stripes.length(); i++) {
            Recorder recorder = stripes.get(i);
            if (recorder != null) {
                Histogram interval = recorder.getIntervalHistogram(recycled[i]);
                recycled[i] = interval;
                long count = interval.getTotalCount();
                if (count > 0) {
                    moved += count;
                    sink.accept(interval);
                }
            }
        }
        return moved;
    }

    public static Histogram newHistogram() {
        return newHistogram(DIGITS);
    }

    public static Histogram newHistogram(int digits) {
        return new Histogram(1, HIGHEST_MICROS, digits);
    }

    /** A histogram whose memory grows with the buckets in use (about 2 KB for a typical latency spread). */
    public static Histogram newPackedHistogram() {
        return new PackedHistogram(1, HIGHEST_MICROS, DIGITS);
    }
}
