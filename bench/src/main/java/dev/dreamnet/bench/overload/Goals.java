package dev.dreamnet.bench.overload;

import dev.dreamnet.core.overload.Criticality;

/**
 * The goals read from one run: at the highest step, goodput at least 90% of the peak, CRITICAL p99 at most
 * twice its p99 at the lowest step, at least 95% of refusals SHEDDABLE, liveness p99 under 50 ms; and full goodput
 * again within 10 s of the overload's end. Immutable.
 *
 * @param peakGoodput      the most 2xx per second of any step
 * @param overloadGoodput  2xx per second at the highest step
 * @param criticalUnloaded CRITICAL p99 at the lowest step, ms
 * @param criticalOverload CRITICAL p99 at the highest step, ms
 * @param refused          503 and 429 answers at the highest step
 * @param refusedSheddable of those, SHEDDABLE ones
 * @param failed           timeouts, connection errors and other statuses at the highest step
 * @param liveOverload     liveness p99 at the highest step, ms
 * @param liveWorst        the worst liveness p99 of any phase, ms
 * @param recoverySeconds  seconds into the recovery phase from which every second had full goodput, -1 if never
 * @param lagWorst         the generator's worst per-phase p99 send lag, ms
 */
record Goals(double peakGoodput, double overloadGoodput, double criticalUnloaded, double criticalOverload,
        long refused, long refusedSheddable, long failed, double liveOverload, double liveWorst, int recoverySeconds,
        double lagWorst) {

    static final double GOODPUT_SHARE = 0.9;
    static final double CRITICAL_RATIO = 2.0;
    static final double SHEDDABLE_SHARE = 0.95;
    static final double LIVE_MILLIS = 50;
    static final int RECOVERY_SECONDS = 10;

    static Goals of(ArrivalSchedule schedule, PhaseStats[] phases, String unloaded, String overload, int recovery) {
        double peak = 0;
        double lagWorst = 0;
        double liveWorst = 0;
        for (int i = 0; i < phases.length; i++) {
            ArrivalSchedule.Phase phase = schedule.phases().get(i);
            if (phase.measured() && !phase.name().equals("recovery")) {
                peak = Math.max(peak, phases[i].total().count(ClassStats.Outcome.OK) / (double) phase.seconds());
            }
            if (phase.measured()) {
                lagWorst = Math.max(lagWorst, phases[i].lagMillis(99));
                liveWorst = Math.max(liveWorst, nanToInfinity(phases[i].liveMillis(99)));
            }
        }
        int o = schedule.indexOf(overload);
        PhaseStats at = phases[o];
        ClassStats total = at.total();
        return new Goals(peak, total.count(ClassStats.Outcome.OK) / (double) schedule.phases().get(o).seconds(),
                phases[schedule.indexOf(unloaded)].of(Criticality.CRITICAL).okMillis(99),
                at.of(Criticality.CRITICAL).okMillis(99), total.refused(), at.of(Criticality.SHEDDABLE).refused(),
                total.count(ClassStats.Outcome.TIMEOUT) + total.count(ClassStats.Outcome.ERROR)
                        + total.count(ClassStats.Outcome.OTHER_STATUS),
                nanToInfinity(at.liveMillis(99)), liveWorst, recovery, lagWorst);
    }

    private static double nanToInfinity(double value) {
        return Double.isNaN(value) ? Double.POSITIVE_INFINITY : value;
    }

    double goodputShare() {
        return peakGoodput == 0 ? 0 : overloadGoodput / peakGoodput;
    }

    double criticalRatio() {
        return Double.isNaN(criticalOverload) || Double.isNaN(criticalUnloaded) ? Double.POSITIVE_INFINITY
                : criticalOverload / criticalUnloaded;
    }

    /** SHEDDABLE's share of the refusals; NaN when nothing was refused. */
    double sheddableShare() {
        return refused == 0 ? Double.NaN : refusedSheddable / (double) refused;
    }

    boolean goodputMet() {
        return goodputShare() >= GOODPUT_SHARE;
    }

    boolean criticalMet() {
        return criticalRatio() <= CRITICAL_RATIO;
    }

    boolean sheddableMet() {
        return refused > 0 && sheddableShare() >= SHEDDABLE_SHARE;
    }

    boolean liveMet() {
        return liveOverload < LIVE_MILLIS;
    }

    boolean recoveryMet() {
        return recoverySeconds >= 0 && recoverySeconds <= RECOVERY_SECONDS;
    }
}
