package dev.dreamnet.bench.overload;

import dev.dreamnet.core.overload.Criticality;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SynchronizedHistogram;

/**
 * One phase's figures: per class, the liveness probes' latency, the generator's own lag (how late each request left
 * against its intended time) and the most requests the client had outstanding. Thread-safe: classes and probes
 * record from their own threads; lag is recorded by the sender alone.
 */
final class PhaseStats {

    private static final long MAX_MICROS = 120_000_000L;

    private final ClassStats[] classes = new ClassStats[Criticality.values().length];
    private final Histogram live = new SynchronizedHistogram(MAX_MICROS, 3);
    private final AtomicInteger liveFailures = new AtomicInteger();
    private final Histogram lag = new SynchronizedHistogram(MAX_MICROS, 3);
    private final AtomicInteger maxOutstanding = new AtomicInteger();

    PhaseStats() {
        for (int i = 0; i < classes.length; i++) {
            classes[i] = new ClassStats();
        }
    }

    ClassStats of(Criticality criticality) {
        return classes[criticality.ordinal()];
    }

    /** Every class's counts added up. */
    ClassStats total() {
        ClassStats total = new ClassStats();
        for (ClassStats c : classes) {
            total.add(c);
        }
        return total;
    }

    void lag(long micros) {
        lag.recordValue(Math.min(MAX_MICROS, Math.max(0, micros)));
    }

    void outstanding(int now) {
        maxOutstanding.accumulateAndGet(now, Math::max);
    }

    void probe(boolean up, long micros) {
        if (up) {
            live.recordValue(Math.min(MAX_MICROS, Math.max(0, micros)));
        } else {
            liveFailures.incrementAndGet();
        }
    }

    double lagMillis(double percentile) {
        return lag.getTotalCount() == 0 ? Double.NaN : lag.getValueAtPercentile(percentile) / 1000.0;
    }

    double lagMaxMillis() {
        return lag.getMaxValue() / 1000.0;
    }

    double liveMillis(double percentile) {
        return live.getTotalCount() == 0 ? Double.NaN : live.getValueAtPercentile(percentile) / 1000.0;
    }

    long probes() {
        return live.getTotalCount() + liveFailures.get();
    }

    int liveFailures() {
        return liveFailures.get();
    }

    int maxOutstanding() {
        return maxOutstanding.get();
    }
}
