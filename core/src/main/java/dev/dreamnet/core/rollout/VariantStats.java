package dev.dreamnet.core.rollout;

import dev.dreamnet.core.metrics.LatencySummary;

/**
 * One side of a rollout over the current judgement window, for operators. Immutable and thread-safe.
 *
 * @param requests requests in the window
 * @param errors   failed requests in the window
 * @param latency  latency percentiles of all requests (empty without requests)
 */
public record VariantStats(long requests, long errors, LatencySummary latency) {

    /** Failed share of requests, 0..1 (0 without requests). */
    public double errorRate() {
        return requests == 0 ? 0 : (double) errors / requests;
    }

    public static VariantStats of(Sample sample) {
        return new VariantStats(sample.requests(), sample.errors(), LatencySummary.of(sample.latencyMicros()));
    }
}
