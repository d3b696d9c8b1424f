package dev.dreamnet.core.overload;

import dev.dreamnet.core.flags.Mode;
import java.util.Map;

/**
 * What a {@link ConcurrencyLimiter} looks like at one moment, for endpoints and operators.
 * Immutable and thread-safe.
 *
 * @param limit             the current concurrency limit
 * @param inflight          requests admitted and not yet reported
 * @param mode              the degradation mode whose shares are in use
 * @param shares            those shares
 * @param allowed           per class, how many requests may be in flight when one of that class arrives
 * @param refused           per class, requests refused since the limiter was created
 * @param longRttNanos      the baseline round-trip time; 0 before the first sample window closed
 * @param lastRttNanos      the mean round-trip time of the last closed window; 0 before the first
 * @param unmatchedReports  reports (success, drop, release) that found nothing in flight and were ignored
 */
public record LimiterSnapshot(
        int limit,
        int inflight,
        Mode mode,
        Shares shares,
        Map<Criticality, Integer> allowed,
        Map<Criticality, Long> refused,
        long longRttNanos,
        long lastRttNanos,
        long unmatchedReports) {

    public LimiterSnapshot {
        allowed = Map.copyOf(allowed);
        refused = Map.copyOf(refused);
    }
}
