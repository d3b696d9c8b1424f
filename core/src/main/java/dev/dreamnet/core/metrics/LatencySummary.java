package dev.dreamnet.core.metrics;

import org.HdrHistogram.Histogram;

/**
 * Latency percentiles of some requests in milliseconds, to the histogram's 1% precision. An empty
 * summary ({@code count == 0}) has no percentiles at all: no traffic is not zero latency.
 */
public record LatencySummary(long count, double p50Millis, double p95Millis, double p99Millis, double maxMillis) {

    public static final LatencySummary EMPTY = new LatencySummary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    public boolean isEmpty() {
        return count == 0;
    }

    /** Summarises a histogram of microseconds. */
    public static LatencySummary of(Histogram micros) {
        long count = micros.getTotalCount();
        if (count == 0) {
            return EMPTY;
        }
        return new LatencySummary(count, millis(micros.getValueAtPercentile(50)),
                millis(micros.getValueAtPercentile(95)), millis(micros.getValueAtPercentile(99)),
                millis(micros.getMaxValue()));
    }

    private static double millis(long micros) {
        return micros / 1000.0;
    }
}
