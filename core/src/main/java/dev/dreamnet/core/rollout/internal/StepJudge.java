package dev.dreamnet.core.rollout.internal;

import dev.dreamnet.core.rollout.Evidence;
import dev.dreamnet.core.rollout.RolloutConfig;
import dev.dreamnet.core.rollout.Variant;
import dev.dreamnet.core.rollout.Verdict;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * The evidence of one step, cumulative since the step began, and its verdict. Traffic arrives in
 * batches (one per evaluation: {@link #add} per side, then {@link #endBatch}); each batch updates five
 * tests, each run at {@code significance / (judged steps x 5)} so the whole rollout's false-rollback
 * probability stays within {@code significance} however often it is judged:
 * <ol>
 *   <li>errors against the SLO: a mixture SPRT of the canary's errors against {@code maxErrorRate},
 *       deciding only while the baseline is confidently within the SLO (else the next test judges);</li>
 *   <li>errors against the baseline: a mixture SPRT on which side each error fell, conditional on the
 *       batch's errors and both sides' requests (null share: the canary's share of the batch's requests);</li>
 *   <li>p99 against the SLO: the canary's share of requests slower than {@code maxP99} against 1%;</li>
 *   <li>p99 against the baseline: the canary's share slower than the baseline's p99 (as known before the
 *       batch) times {@code 1 + latencyTolerance}, against 1%;</li>
 *   <li>latency distribution: a Mann-Whitney test of P(canary slower than baseline) against
 *       {@code 0.5 + latencyEffect}, looked at only when the canary's sample has grown by half since the
 *       last look, each look spending {@code 6 / (pi^2 k^2)} of the test's level.</li>
 * </ol>
 * A test that crossed its bound stays crossed for the step. Not thread-safe: the owning rollout guards it.
 */
public final class StepJudge {

    static final int TESTS = 5;
    /** Baseline requests before its p99 is trusted as the tail test's reference. */
    static final long TAIL_MIN_BASELINE = 1_000;
    /** Canary and baseline requests at the distribution test's first look; each next look at 1.5 times as many. */
    static final long FIRST_LOOK = 100;
    private static final double LOOK_GROWTH = 1.5;
    private static final double P99_SHARE = 0.01;
    private static final double GATE_Z = 3;

    private final RolloutConfig config;
    private final double alpha;
    private final double logBound;
    private final long maxP99Micros;
    private final long[][] bins = new long[2][LatencyBins.COUNT];
    private final long[][] batchBins = new long[2][LatencyBins.COUNT];
    private final long[] requests = new long[2];
    private final long[] errors = new long[2];
    private final long[] batchRequests = new long[2];
    private final long[] batchErrors = new long[2];
    private final OddsMixture errorsVsBaseline = new OddsMixture();
    private final OddsMixture errorsVsSlo = new OddsMixture();
    private final OddsMixture p99VsSlo = new OddsMixture();
    private final OddsMixture p99VsBaseline = new OddsMixture();
    private String crossed = "";
    private String crossedDetail = "";
    private long p99Threshold;
    private int looks;
    private double nextLook = FIRST_LOOK;
    private double lookZ = Double.NaN;
    private double lookBound = Double.NaN;
    private double lookAuc = Double.NaN;

    public StepJudge(RolloutConfig config) {
        this.config = config;
        this.alpha = config.significance() / (Math.max(1, config.steps().size() - 1) * (double) TESTS);
        this.logBound = -Math.log(alpha);
        this.maxP99Micros = config.maxP99().toNanos() / 1_000;
    }

    /** Adds to the current batch {@code requests} of {@code side}, {@code errors} of them failed, with their latencies (or null). */
    public void add(Variant side, long requests, long errors, Histogram latencyMicros) {
        int s = side.ordinal();
        batchRequests[s] += requests;
        batchErrors[s] += errors;
        if (latencyMicros != null) {
            LatencyBins.addInto(latencyMicros, batchBins[s], new int[2]);
        }
    }

    /** Adds to the current batch {@code requests} of {@code side}, {@code errors} of them failed, with their latency bins {@code from..to}. */
    void add(Variant side, long requests, long errors, long[] bins, int from, int to) {
        int s = side.ordinal();
        batchRequests[s] += requests;
        batchErrors[s] += errors;
        long[] target = batchBins[s];
        for (int i = from; i <= to; i++) {
            target[i] += bins[i];
        }
    }

    /** Weighs the current batch in every test; the p99 reference is the baseline as known before the batch. */
    public void endBatch() {
        endBatch(false);
    }

    /**
     * As {@link #endBatch()}, but the p99 reference is taken from the batch itself: for a single judgement
     * of whole samples, where nothing is sequential and the reference may see the batch.
     */
    public void endOneLook() {
        endBatch(true);
    }

    private void endBatch(boolean oneLook) {
        int b = Variant.BASELINE.ordinal();
        int c = Variant.CANARY.ordinal();
        long[] reference = oneLook ? batchBins[b] : bins[b];
        long referenceRequests = oneLook ? batchRequests[b] : requests[b];
        p99Threshold = referenceRequests >= TAIL_MIN_BASELINE || (oneLook && referenceRequests > 0)
                ? (long) (LatencyBins.percentile(reference, referenceRequests, 99) * (1 + config.latencyTolerance())) : 0;
        long canaryRequests = batchRequests[c];
        long allRequests = canaryRequests + batchRequests[b];
        if (allRequests > 0) {
            errorsVsBaseline.add(batchErrors[c], batchErrors[c] + batchErrors[b], (double) canaryRequests / allRequests);
        }
        errorsVsSlo.add(batchErrors[c], canaryRequests, config.maxErrorRate());
        if (canaryRequests > 0) {
            p99VsSlo.add(LatencyBins.above(batchBins[c], maxP99Micros), canaryRequests, P99_SHARE);
            if (p99Threshold > 0) {
                p99VsBaseline.add(LatencyBins.above(batchBins[c], p99Threshold), canaryRequests, P99_SHARE);
            }
        }
        fold(b);
        fold(c);
        if (crossed.isEmpty()) {
            decide();
        }
    }

    private void fold(int side) {
        requests[side] += batchRequests[side];
        errors[side] += batchErrors[side];
        batchRequests[side] = 0;
        batchErrors[side] = 0;
        long[] from = batchBins[side];
        long[] to = bins[side];
        for (int i = 0; i < LatencyBins.COUNT; i++) {
            to[i] += from[i];
        }
        Arrays.fill(from, 0);
    }

    private void decide() {
        if (errorsVsSlo.logEvidence() >= logBound && baselineWithinSlo()) {
            cross(Verdict.RULE_ERRORS_SLO);
        } else if (errorsVsBaseline.logEvidence() >= logBound) {
            cross(Verdict.RULE_ERRORS_BASELINE);
        } else if (p99VsSlo.logEvidence() >= logBound) {
            cross(Verdict.RULE_P99_SLO);
        } else if (p99VsBaseline.logEvidence() >= logBound) {
            cross(Verdict.RULE_P99_BASELINE);
        } else {
            lookAtDistributions();
        }
    }

    private void cross(String rule) {
        crossed = rule;
        crossedDetail = earlyNote();
    }

    /** Whether the baseline's observed error rate is above the SLO. */
    private boolean baselineBreachesSlo() {
        int b = Variant.BASELINE.ordinal();
        return requests[b] > 0 && errors[b] > config.maxErrorRate() * requests[b];
    }

    /**
     * Whether the baseline is confidently within the error SLO (its Wilson upper bound at z = 3 below
     * it): only then does the SLO decide; otherwise the canary is judged against the baseline alone.
     */
    private boolean baselineWithinSlo() {
        int b = Variant.BASELINE.ordinal();
        return requests[b] > 0 && Statistics.wilsonUpper(errors[b], requests[b], GATE_Z) < config.maxErrorRate();
    }

    private void lookAtDistributions() {
        long nc = requests[Variant.CANARY.ordinal()];
        long nb = requests[Variant.BASELINE.ordinal()];
        if (nc < nextLook || nb < FIRST_LOOK) {
            return;
        }
        while (nextLook <= nc) {
            nextLook *= LOOK_GROWTH;
        }
        looks++;
        double lookAlpha = alpha * 6 / (Math.PI * Math.PI * looks * (double) looks);
        lookBound = Statistics.zFor(lookAlpha);
        double[] aucAndSe = MannWhitney.aucAndStandardError(bins[Variant.CANARY.ordinal()], nc,
                bins[Variant.BASELINE.ordinal()], nb);
        lookAuc = aucAndSe[0];
        lookZ = aucAndSe[1] > 0 ? (lookAuc - 0.5 - config.latencyEffect()) / aucAndSe[1] : Double.NaN;
        if (lookZ >= lookBound) {
            cross(Verdict.RULE_LATENCY_DISTRIBUTION);
        }
    }

    private String earlyNote() {
        long nc = requests[Variant.CANARY.ordinal()];
        long nb = requests[Variant.BASELINE.ordinal()];
        return nc < config.minRequests() || nb < config.minRequests() ? String.format(Locale.ROOT,
                "; decided on overwhelming evidence before the minimum sample (canary %d, baseline %d of %d requests)",
                nc, nb, config.minRequests()) : "";
    }

    /** The verdict now, {@code secondsInStep} after the step began (for the time-to-decision estimates). */
    public Verdict verdict(double secondsInStep) {
        List<Evidence> evidence = evidence(secondsInStep);
        int b = Variant.BASELINE.ordinal();
        int c = Variant.CANARY.ordinal();
        if (!crossed.isEmpty()) {
            return new Verdict(Verdict.Kind.FAIL, failure() + crossedDetail, crossed, evidence);
        }
        if (requests[c] < config.minRequests() || requests[b] < config.minRequests()) {
            return new Verdict(Verdict.Kind.HOLD, "not enough data: canary " + requests[c] + " of "
                    + config.minRequests() + " requests, baseline " + requests[b] + " of " + config.minRequests()
                    + " (this step)" + minimumEta(secondsInStep), Verdict.RULE_MINIMUM_SAMPLE, evidence);
        }
        String incident = baselineBreachesSlo() ? "; the baseline breaches the error SLO of "
                + percent(config.maxErrorRate()) + " too, so the canary is judged against the baseline" : "";
        return new Verdict(Verdict.Kind.PASS, "healthy: canary errors " + rate(c) + ", p99 " + millis(p99(c))
                + "; baseline errors " + rate(b) + ", p99 " + millis(p99(b)) + incident, Verdict.RULE_HEALTHY, evidence);
    }

    private String minimumEta(double seconds) {
        double eta = 0;
        for (int side = 0; side < 2; side++) {
            long missing = config.minRequests() - requests[side];
            if (missing > 0) {
                if (requests[side] == 0 || seconds <= 0) {
                    return "";
                }
                eta = Math.max(eta, missing * seconds / requests[side]);
            }
        }
        return "; at this pace the minimum sample in about " + Math.round(eta) + " s";
    }

    private String failure() {
        int b = Variant.BASELINE.ordinal();
        int c = Variant.CANARY.ordinal();
        return switch (crossed) {
            case Verdict.RULE_ERRORS_BASELINE -> String.format(Locale.ROOT,
                    "canary error rate %s is significantly worse than the baseline's %s (e-value %s >= %s)", rate(c),
                    rate(b), number(errorsVsBaseline.logEvidence()), number(logBound));
            case Verdict.RULE_ERRORS_SLO -> String.format(Locale.ROOT,
                    "canary error rate %s breaches the SLO of %s (e-value %s >= %s)", rate(c),
                    percent(config.maxErrorRate()), number(errorsVsSlo.logEvidence()), number(logBound));
            case Verdict.RULE_P99_SLO -> String.format(Locale.ROOT,
                    "canary p99 %s breaches the SLO of %s (%s of requests slower; e-value %s >= %s)", millis(p99(c)),
                    millis(maxP99Micros), percent((double) LatencyBins.above(bins[c], maxP99Micros) / requests[c]),
                    number(p99VsSlo.logEvidence()), number(logBound));
            case Verdict.RULE_P99_BASELINE -> String.format(Locale.ROOT,
                    "canary p99 %s is significantly slower than the baseline's %s (%s of requests over %s; e-value %s >= %s)",
                    millis(p99(c)), millis(p99(b)), percent((double) LatencyBins.above(bins[c], p99Threshold) / requests[c]),
                    millis(p99Threshold), number(p99VsBaseline.logEvidence()), number(logBound));
            default -> String.format(Locale.ROOT,
                    "canary latency is significantly worse than the baseline's: a canary request is the slower of a pair "
                            + "%.1f%% of the time, beyond the tolerated %.1f%% (z = %.2f >= %.2f at look %d); median %s vs %s",
                    lookAuc * 100, (0.5 + config.latencyEffect()) * 100, lookZ, lookBound, looks,
                    millis(LatencyBins.percentile(bins[c], requests[c], 50)),
                    millis(LatencyBins.percentile(bins[b], requests[b], 50)));
        };
    }

    private List<Evidence> evidence(double seconds) {
        int b = Variant.BASELINE.ordinal();
        int c = Variant.CANARY.ordinal();
        double nc = requests[c];
        double nb = requests[b];
        double bound = Math.exp(logBound);
        return List.of(
                sequential(Verdict.RULE_ERRORS_BASELINE, errorsVsBaseline, errors[c] + errors[b], bound, seconds),
                sequential(Verdict.RULE_ERRORS_SLO, errorsVsSlo, requests[c], bound, seconds),
                sequential(Verdict.RULE_P99_SLO, p99VsSlo, requests[c], bound, seconds),
                sequential(Verdict.RULE_P99_BASELINE, p99VsBaseline, p99VsBaseline.trials(), bound, seconds),
                new Evidence(Verdict.RULE_LATENCY_DISTRIBUTION, lookZ, lookBound, nc + nb == 0 ? 0 : nc * nb / (nc + nb),
                        crossed.equals(Verdict.RULE_LATENCY_DISTRIBUTION),
                        lookZ > 0 && lookZ < lookBound && seconds > 0
                                ? seconds * ((lookBound / lookZ) * (lookBound / lookZ) - 1) : Double.NaN));
    }

    private Evidence sequential(String test, OddsMixture mixture, double sample, double bound, double seconds) {
        double log = mixture.logEvidence();
        double eta = log > 0 && log < logBound && seconds > 0 ? seconds * (logBound - log) / log : Double.NaN;
        return new Evidence(test, Math.exp(Math.min(log, 700)), bound, sample, crossed.equals(test), eta);
    }

    /** Requests of {@code side} this step. */
    public long requests(Variant side) {
        return requests[side.ordinal()];
    }

    private long p99(int side) {
        return LatencyBins.percentile(bins[side], requests[side], 99);
    }

    private String rate(int side) {
        return percent(requests[side] == 0 ? 0 : (double) errors[side] / requests[side]) + " (" + errors[side] + "/"
                + requests[side] + ")";
    }

    private static String number(double log) {
        return String.format(Locale.ROOT, "%.3g", Math.exp(Math.min(log, 700)));
    }

    /** {@code share} as a percentage to two decimals, e.g. "1.25%" (cheaper than String.format, judged every second). */
    static String percent(double share) {
        return fixed(share * 100, 100) + "%";
    }

    /** {@code micros} in milliseconds to one decimal, e.g. "50.3 ms". */
    static String millis(long micros) {
        return fixed(micros / 1000.0, 10) + " ms";
    }

    private static String fixed(double value, int scale) {
        long scaled = Math.round(value * scale);
        long whole = scaled / scale;
        long fraction = scaled % scale;
        String digits = Long.toString(fraction + scale).substring(1);
        return whole + "." + digits;
    }
}
