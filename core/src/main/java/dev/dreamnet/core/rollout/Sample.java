package dev.dreamnet.core.rollout;

import java.util.Objects;
import org.HdrHistogram.Histogram;

/**
 * What one side of a rollout did over a judgement window: requests, failed requests and a histogram
 * of every request's latency in microseconds. The histogram is not copied: do not change it while the
 * sample is in use. Not thread-safe for that reason.
 *
 * @param requests      requests in the window
 * @param errors        of those, the ones that failed
 * @param latencyMicros latency of every request, in microseconds
 */
public record Sample(long requests, long errors, Histogram latencyMicros) {

    public Sample {
        Objects.requireNonNull(latencyMicros, "latencyMicros must not be null");
        if (requests < 0 || errors < 0 || errors > requests) {
            throw new IllegalArgumentException("errors must be between 0 and requests (" + requests + "), was " + errors);
        }
    }

    /** Failed share of requests, 0..1 (0 without requests). */
    public double errorRate() {
        return requests == 0 ? 0 : (double) errors / requests;
    }

    /** The 99th percentile latency in microseconds (0 without requests). */
    public long p99Micros() {
        return latencyMicros.getTotalCount() == 0 ? 0 : latencyMicros.getValueAtPercentile(99);
    }

    /** How many requests took longer than {@code micros}, to the histogram's precision. */
    public long slowerThan(long micros) {
        long total = latencyMicros.getTotalCount();
        long highest = latencyMicros.getHighestTrackableValue();
        return micros >= highest ? 0 : total - latencyMicros.getCountBetweenValues(0, micros);
    }
}
