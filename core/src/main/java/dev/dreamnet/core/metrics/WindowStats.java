package dev.dreamnet.core.metrics;

import java.time.Duration;

/**
 * Traffic, errors and latency over one sliding window. {@code covered} is the time the window really
 * spans: shorter than {@code window} while the process is younger than it. Rates are per second of
 * {@code covered}; they are 0 for an empty window, and the latency summaries are then empty.
 * {@code requests} includes {@code clientAborts}, which are neither client nor server errors.
 */
public record WindowStats(Duration window, Duration covered, long requests, long clientErrors, long serverErrors,
                          long clientAborts, LatencySummary success, LatencySummary clientError,
                          LatencySummary serverError, LatencySummary clientAbort) {

    public double requestsPerSecond() {
        return perSecond(requests);
    }

    public double serverErrorsPerSecond() {
        return perSecond(serverErrors);
    }

    /** Share of requests that ended in 5xx, 0..1 (0 when there were none). */
    public double serverErrorRate() {
        return requests == 0 ? 0 : (double) serverErrors / requests;
    }

    /** Share of requests that ended in 4xx, 0..1. */
    public double clientErrorRate() {
        return requests == 0 ? 0 : (double) clientErrors / requests;
    }

    private double perSecond(long count) {
        double seconds = covered.toNanos() / 1e9;
        return seconds <= 0 ? 0 : count / seconds;
    }
}
