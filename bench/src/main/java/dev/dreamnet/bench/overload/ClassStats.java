package dev.dreamnet.bench.overload;

import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SynchronizedHistogram;

/**
 * What happened to the requests of one class in one phase: how many were sent and how each ended, and the latency
 * of the successful ones measured from their intended send time, in microseconds. Thread-safe: the HTTP client's
 * threads record into it while the sender counts.
 */
final class ClassStats {

    /** How a request ended. */
    enum Outcome { OK, REFUSED_503, REFUSED_429, OTHER_STATUS, TIMEOUT, ERROR }

    private static final long MAX_MICROS = 120_000_000L;

    private final LongAdder sent = new LongAdder();
    private final LongAdder[] outcomes = new LongAdder[Outcome.values().length];
    private final Histogram okLatency = new SynchronizedHistogram(MAX_MICROS, 3);

    ClassStats() {
        for (int i = 0; i < outcomes.length; i++) {
            outcomes[i] = new LongAdder();
        }
    }

    void sent() {
        sent.increment();
    }

    void ended(Outcome outcome, long latencyMicros) {
        outcomes[outcome.ordinal()].increment();
        if (outcome == Outcome.OK) {
            okLatency.recordValue(Math.min(MAX_MICROS, Math.max(0, latencyMicros)));
        }
    }

    long sentCount() {
        return sent.sum();
    }

    long count(Outcome outcome) {
        return outcomes[outcome.ordinal()].sum();
    }

    long refused() {
        return count(Outcome.REFUSED_503) + count(Outcome.REFUSED_429);
    }

    /** The latency of successes at {@code percentile}, in milliseconds; NaN with no success. */
    double okMillis(double percentile) {
        return okLatency.getTotalCount() == 0 ? Double.NaN : okLatency.getValueAtPercentile(percentile) / 1000.0;
    }

    /** Adds {@code other}'s counts and latencies to this one (for totals over classes). */
    void add(ClassStats other) {
        sent.add(other.sent.sum());
        for (int i = 0; i < outcomes.length; i++) {
            outcomes[i].add(other.outcomes[i].sum());
        }
        okLatency.add(other.okLatency);
    }
}
