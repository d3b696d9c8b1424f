package dev.dreamnet.runtime.rollouts;

import dev.dreamnet.config.DurationText;
import dev.dreamnet.core.rollout.Rollout;
import dev.dreamnet.core.rollout.RolloutConfig;
import dev.dreamnet.core.rollout.RolloutSnapshot;
import dev.dreamnet.core.rollout.RolloutState;
import dev.dreamnet.core.rollout.VariantStats;
import dev.dreamnet.core.rollout.Verdict;
import dev.dreamnet.runtime.metrics.SignalViews;
import java.time.Instant;
import java.util.List;

/**
 * The JSON shape of a rollout: state, definition, both sides over the current window, and the latest
 * verdict while it is still judged (null once promoted or rolled back: its reason says why), with the
 * rule that decided it and every test's evidence.
 */
public final class RolloutViews {

    private RolloutViews() {
    }

    public record ConfigView(List<Double> steps, String bakeTime, String window, double maxErrorRate, String maxP99,
                             int minRequests, boolean autoPromote, boolean autoRollback, double significance,
                             double latencyTolerance, double latencyEffect) {
    }

    public record SideView(long requests, long errors, double errorRate, SignalViews.Latency latency) {
    }

    /**
     * One test's standing: its statistic (e-value, or z-score for the latency distribution), the bound at
     * which the step fails, the effective sample, whether it crossed, and at the pace so far the seconds
     * until it would cross (null when it is not heading there).
     */
    public record EvidenceView(String test, Double statistic, Double bound, double effectiveSample, boolean crossed,
                               Double etaSeconds) {
    }

    public record VerdictView(String kind, String rule, String reason, List<EvidenceView> evidence) {
    }

    public record RolloutView(String name, String status, int step, double percent, Instant stepStartedAt,
                              long inStepSeconds, String reason, int hashVersion, ConfigView config,
                              SideView baseline, SideView canary, VerdictView lastVerdict) {
    }

    public static RolloutView of(Rollout rollout) {
        RolloutSnapshot s = rollout.snapshot();
        RolloutState state = s.state();
        RolloutConfig c = rollout.config();
        return new RolloutView(state.name(), state.status().name(), state.step(), state.percent(),
                Instant.ofEpochMilli(state.stepStartedAtMillis()), s.inStep().toSeconds(), state.reason(),
                state.hashVersion(), new ConfigView(c.steps(), DurationText.format(c.bakeTime()),
                DurationText.format(c.window()), c.maxErrorRate(), DurationText.format(c.maxP99()), c.minRequests(),
                c.autoPromote(), c.autoRollback(), c.significance(), c.latencyTolerance(), c.latencyEffect()),
                side(s.baseline()), side(s.canary()),
                s.lastVerdict() == null || state.status().isFinal() ? null
                        : verdict(s.lastVerdict()));
    }

    private static VerdictView verdict(Verdict verdict) {
        return new VerdictView(verdict.kind().name(), verdict.rule(), verdict.reason(), verdict.evidence().stream()
                .map(e -> new EvidenceView(e.test(), finite(e.statistic()), finite(e.bound()), e.effectiveSample(),
                        e.crossed(), finite(e.etaSeconds()))).toList());
    }

    /** JSON has no NaN or infinity: those are null. */
    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static SideView side(VariantStats stats) {
        return new SideView(stats.requests(), stats.errors(), stats.errorRate(), SignalViews.latency(stats.latency()));
    }
}
