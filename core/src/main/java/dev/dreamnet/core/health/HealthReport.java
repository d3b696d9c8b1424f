package dev.dreamnet.core.health;

import java.util.List;

/**
 * Every gate at one moment and the status they add up to. Immutable.
 *
 * @param status the overall status, always {@link OverallStatus#of} the gates
 * @param gates  one snapshot per gate, in registration order
 */
public record HealthReport(OverallStatus status, List<GateSnapshot> gates) {

    public HealthReport {
        gates = List.copyOf(gates);
        if (status != OverallStatus.of(gates)) {
            throw new IllegalArgumentException("status must be " + OverallStatus.of(gates)
                    + " for these gates, was " + status);
        }
    }

    /** The report for {@code gates}, with the status they add up to. */
    public static HealthReport of(List<GateSnapshot> gates) {
        return new HealthReport(OverallStatus.of(gates), gates);
    }
}
