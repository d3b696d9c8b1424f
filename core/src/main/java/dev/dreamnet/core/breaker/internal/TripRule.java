package dev.dreamnet.core.breaker.internal;

import dev.dreamnet.core.breaker.CircuitBreakerConfig;
import java.util.Locale;

/**
 * Decides from a window's counts whether a closed breaker trips, and says why in words an
 * operator can act on. Pure, immutable and thread-safe; it allocates only the reason of a trip.
 */
final class TripRule {

    private final int minimumCalls;
    private final double failureRateThreshold;
    private final double slowCallRateThreshold;

    TripRule(CircuitBreakerConfig config) {
        this.minimumCalls = config.minimumCalls();
        this.failureRateThreshold = config.failureRateThreshold();
        this.slowCallRateThreshold = config.slowCallRateThreshold();
    }

    /** The reason to trip, or null to stay closed. */
    String check(long calls, long failures, long slowCalls) {
        if (calls < minimumCalls) {
            return null;
        }
        if (failures * 100.0 >= failureRateThreshold * calls) {
            return reason("failure rate", failures, calls, failureRateThreshold);
        }
        if (slowCalls * 100.0 >= slowCallRateThreshold * calls) {
            return reason("slow call rate", slowCalls, calls, slowCallRateThreshold);
        }
        return null;
    }

    private static String reason(String what, long part, long calls, double threshold) {
        return String.format(Locale.ROOT, "%s %.1f%% >= %.1f%% (%d of %d calls)",
                what, part * 100.0 / calls, threshold, part, calls);
    }
}
