package dev.dreamnet.core.rollout;

import dev.dreamnet.core.rollout.internal.Statistics;
import java.util.Locale;

/**
 * Judges a canary against its baseline over the same window. A pure function, thread-safe. In order:
 * either side below {@code minRequests} holds; the canary fails when it is confidently beyond an
 * absolute SLO (the Wilson lower bound of its error share above {@code maxErrorRate}, or of its share
 * slower than {@code maxP99} above 1%); it fails when it is significantly worse than the baseline (a
 * one-sided Fisher's exact test of two proportions on errors, and on the share of requests slower than
 * the baseline's p99 plus {@code latencyTolerance}, the latter only while the canary's own p99 is beyond
 * that too); otherwise it passes. Every test uses the level {@code significance}.
 */
public final class Judge {

    private static final double P99_SHARE = 0.01;

    private Judge() {
    }

    public static Verdict judge(Sample baseline, Sample canary, RolloutConfig config) {
        if (canary.requests() < config.minRequests() || baseline.requests() < config.minRequests()) {
            return Verdict.hold(String.format(Locale.ROOT, "not enough data: canary %d of %d requests, baseline %d of %d",
                    canary.requests(), config.minRequests(), baseline.requests(), config.minRequests()));
        }
        double z = Statistics.zFor(config.significance());
        String failure = breachedSlo(canary, config, z);
        if (failure == null) {
            failure = worseThanBaseline(baseline, canary, config);
        }
        return failure != null ? Verdict.fail(failure) : Verdict.pass(String.format(Locale.ROOT,
                "healthy: canary errors %s, p99 %s; baseline errors %s, p99 %s", rate(canary), millis(canary.p99Micros()),
                rate(baseline), millis(baseline.p99Micros())));
    }

    private static String breachedSlo(Sample canary, RolloutConfig config, double z) {
        if (Statistics.wilsonLower(canary.errors(), canary.requests(), z) > config.maxErrorRate()) {
            return String.format(Locale.ROOT, "canary error rate %s breaches the SLO of %s", rate(canary),
                    percent(config.maxErrorRate()));
        }
        long limitMicros = config.maxP99().toNanos() / 1_000;
        long slow = canary.slowerThan(limitMicros);
        if (Statistics.wilsonLower(slow, canary.requests(), z) > P99_SHARE) {
            return String.format(Locale.ROOT, "canary p99 %s breaches the SLO of %s (%s of requests slower)",
                    millis(canary.p99Micros()), millis(limitMicros), percent((double) slow / canary.requests()));
        }
        return null;
    }

    private static String worseThanBaseline(Sample baseline, Sample canary, RolloutConfig config) {
        double errorsP = Statistics.fisherGreater(canary.errors(), canary.requests(), baseline.errors(), baseline.requests());
        if (errorsP < config.significance()) {
            return String.format(Locale.ROOT, "canary error rate %s is significantly worse than the baseline's %s (p = %.2g)",
                    rate(canary), rate(baseline), errorsP);
        }
        long threshold = (long) (baseline.p99Micros() * (1 + config.latencyTolerance()));
        if (canary.p99Micros() <= threshold) {
            return null;
        }
        long canarySlow = canary.slowerThan(threshold);
        long baselineSlow = baseline.slowerThan(threshold);
        double latencyP = Statistics.fisherGreater(canarySlow, canary.requests(), baselineSlow, baseline.requests());
        if (latencyP < config.significance()) {
            return String.format(Locale.ROOT, "canary p99 %s is significantly slower than the baseline's %s "
                            + "(%s vs %s of requests over %s, p = %.2g)", millis(canary.p99Micros()),
                    millis(baseline.p99Micros()), percent((double) canarySlow / canary.requests()),
                    percent((double) baselineSlow / baseline.requests()), millis(threshold), latencyP);
        }
        return null;
    }

    private static String rate(Sample sample) {
        return String.format(Locale.ROOT, "%s (%d/%d)", percent(sample.errorRate()), sample.errors(), sample.requests());
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.2f%%", share * 100);
    }

    private static String millis(long micros) {
        return String.format(Locale.ROOT, "%.1f ms", micros / 1000.0);
    }
}
