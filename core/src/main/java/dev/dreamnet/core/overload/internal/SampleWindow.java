package dev.dreamnet.core.overload.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The round-trip times reported since the last limit update, summed without locks: each reporting
 * thread adds to its own cell of a {@link LongAdder}. Closing a window is done by one thread at a
 * time (the limiter's closing flag guards {@link #start} and {@link #drain}); a report that races
 * with a close may land in either window, which only shifts one sample between neighbours.
 * Thread-safe.
 */
final class SampleWindow {

    private final long windowNanos;
    private final LongAdder rttSum = new LongAdder();
    private final LongAdder samples = new LongAdder();
    private final AtomicInteger maxInflight = new AtomicInteger();
    private volatile boolean dropped;
    /** Written only under the limiter's closing flag. */
    private volatile boolean started;
    /** Written only under the limiter's closing flag. */
    private volatile long startNanos;

    SampleWindow(long windowNanos) {
        this.windowNanos = windowNanos;
    }

    void record(long rttNanos, int inflight, boolean drop) {
        rttSum.add(rttNanos);
        samples.increment();
        if (inflight > maxInflight.get()) {
            maxInflight.accumulateAndGet(inflight, Math::max);
        }
        if (drop && !dropped) {
            dropped = true;
        }
    }

    /** Whether the window should be closed at {@code nowNanos}: it has not started, or it is old enough. */
    boolean due(long nowNanos) {
        return !started || nowNanos - startNanos >= windowNanos;
    }

    boolean started() {
        return started;
    }

    long samples() {
        return samples.sum();
    }

    /** Opens the first window at {@code nowNanos}, dropping anything reported before. */
    void start(long nowNanos, int inflight) {
        drain(nowNanos, inflight, null);
        started = true;
    }

    /**
     * Ends the window at {@code nowNanos}, opening the next one with {@code inflight} requests
     * already in flight, and writes the closed window's mean RTT, most in flight and whether a
     * request was dropped into {@code summary} (when it is not null).
     */
    void drain(long nowNanos, int inflight, Summary summary) {
        long count = samples.sumThenReset();
        long sum = rttSum.sumThenReset();
        int max = maxInflight.getAndSet(inflight);
        boolean drop = dropped;
        dropped = false;
        startNanos = nowNanos;
        if (summary != null) {
            summary.meanRttNanos = count == 0 ? 0 : Math.max(0, sum / count);
            summary.maxInflight = max;
            summary.dropped = drop;
        }
    }

    /** A closed window, reused by the one thread that holds the closing flag. */
    static final class Summary {
        long meanRttNanos;
        int maxInflight;
        boolean dropped;
    }
}
