package dev.dreamnet.core.health;

import java.util.Collection;

/**
 * The service's readiness from all its gates: {@link #READY} when every gate is ready (or there
 * are none), {@link #DEGRADED} when only non-critical gates are not, {@link #NOT_READY} when a
 * critical gate is not. Immutable.
 */
public enum OverallStatus {
    READY,
    DEGRADED,
    NOT_READY;

    /** The status that {@code gates} add up to. */
    public static OverallStatus of(Collection<GateSnapshot> gates) {
        OverallStatus status = READY;
        for (GateSnapshot gate : gates) {
            if (!gate.ready() && gate.critical()) {
                return NOT_READY;
            }
            if (!gate.ready()) {
                status = DEGRADED;
            }
        }
        return status;
    }

    /** Whether the service may take traffic: every critical gate is ready (READY or DEGRADED). */
    public boolean takesTraffic() {
        return this != NOT_READY;
    }
}
