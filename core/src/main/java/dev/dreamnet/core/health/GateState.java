package dev.dreamnet.core.health;

import java.time.Duration;
import java.time.Instant;

/**
 * The pure state machine of a gate: consecutive streaks decide readiness, and time comes in as
 * data, so it needs no clock. A gate turns ready after {@code passesToReady} consecutive passes
 * and unready after {@code failuresToUnready} consecutive failures; a contrary result resets the
 * other streak. Immutable: {@link #record} returns the next state.
 *
 * @param lastResult       null until the first check
 * @param lastDuration     null until the first check
 * @param lastCheckedAt    wall-clock time of the last result, null until the first check
 * @param lastTransitionAt wall-clock time of the last flip, null until the first flip
 */
record GateState(boolean ready, boolean everReady, int consecutivePasses, int consecutiveFailures,
                 CheckResult lastResult, Duration lastDuration, Instant lastCheckedAt,
                 Instant lastTransitionAt, long checks) {

    static final GateState INITIAL = new GateState(false, false, 0, 0, null, null, null, null, 0);

    /** The state after {@code result}, which took {@code took} and was seen at wall time {@code at}. */
    GateState record(CheckResult result, Duration took, Instant at, int passesToReady, int failuresToUnready) {
        int passes = result.healthy() ? saturatedIncrement(consecutivePasses) : 0;
        int failures = result.healthy() ? 0 : saturatedIncrement(consecutiveFailures);
        boolean nowReady = ready ? failures < failuresToUnready : passes >= passesToReady;
        Instant transitionAt = nowReady == ready ? lastTransitionAt : at;
        return new GateState(nowReady, everReady || nowReady, passes, failures,
                result, took, at, transitionAt, checks + 1);
    }

    /** READY or NOT_READY, as shown to people. */
    String stateName() {
        return ready ? "READY" : "NOT_READY";
    }

    private static int saturatedIncrement(int streak) {
        return streak == Integer.MAX_VALUE ? streak : streak + 1;
    }
}
