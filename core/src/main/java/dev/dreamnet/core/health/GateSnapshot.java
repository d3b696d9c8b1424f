package dev.dreamnet.core.health;

import java.time.Duration;
import java.time.Instant;

/**
 * What one gate looks like at a moment: readiness, streaks and the last check, as shown at
 * {@code /api/observability/health-gates}. Immutable. The {@code last*} fields are null until the
 * gate has checked once ({@code lastTransitionAt} until it has flipped once).
 *
 * @param name                the gate's name
 * @param critical            whether the service needs this gate to take traffic
 * @param ready               whether the gate is ready
 * @param state               {@code READY} or {@code NOT_READY}, always matching {@code ready}
 * @param consecutivePasses   the current streak of passes (0 after a failure)
 * @param consecutiveFailures the current streak of failures (0 after a pass)
 * @param lastResult          the last result, with its detail
 * @param lastDuration        how long the last check took (or ran before it was given up)
 * @param lastCheckedAt       wall-clock time of the last result
 * @param lastTransitionAt    wall-clock time of the last flip between ready and not ready
 * @param checks              how many results the gate has recorded
 */
public record GateSnapshot(String name, boolean critical, boolean ready, String state,
                           int consecutivePasses, int consecutiveFailures, CheckResult lastResult,
                           Duration lastDuration, Instant lastCheckedAt, Instant lastTransitionAt,
                           long checks) {

    public GateSnapshot {
        String expected = ready ? "READY" : "NOT_READY";
        if (!expected.equals(state)) {
            throw new IllegalArgumentException("state must be " + expected + " when ready is " + ready
                    + ", was " + state);
        }
    }

    static GateSnapshot of(GateConfig config, GateState state) {
        return new GateSnapshot(config.name(), config.critical(), state.ready(), state.stateName(),
                state.consecutivePasses(), state.consecutiveFailures(), state.lastResult(),
                state.lastDuration(), state.lastCheckedAt(), state.lastTransitionAt(), state.checks());
    }
}
