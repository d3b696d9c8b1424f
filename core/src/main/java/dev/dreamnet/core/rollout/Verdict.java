package dev.dreamnet.core.rollout;

import java.util.List;
import java.util.Objects;

/**
 * The judgement of one step at one moment: what was decided, the rule that decided it, the reason in
 * words for operators and the audit log, and the evidence of every test. Immutable and thread-safe.
 *
 * @param kind     hold (not enough data), pass (healthy) or fail (roll back)
 * @param reason   why, with the figures that decided it
 * @param rule     the rule that decided: one of the {@code RULE_*} names ("" when none applies)
 * @param evidence each test's standing, in a fixed order (empty when nothing was judged)
 */
public record Verdict(Kind kind, String reason, String rule, List<Evidence> evidence) {

    /** Held: a side has not reached {@code minRequests} this step and no test has crossed its bound. */
    public static final String RULE_MINIMUM_SAMPLE = "minimum-sample";
    /** Passed: both sides reached the minimum sample and no test crossed its bound. */
    public static final String RULE_HEALTHY = "healthy";
    /** Failed: the canary's error rate is above the SLO (sequential test), while the baseline is within it. */
    public static final String RULE_ERRORS_SLO = "errors-slo";
    /** Failed: the canary's error rate is above the baseline's (sequential test, conditional on both sides' errors). */
    public static final String RULE_ERRORS_BASELINE = "errors-vs-baseline";
    /** Failed: more than 1% of canary requests are slower than {@code maxP99} (sequential test). */
    public static final String RULE_P99_SLO = "p99-slo";
    /** Failed: more than 1% of canary requests are slower than the baseline's p99 plus the tolerance (sequential test). */
    public static final String RULE_P99_BASELINE = "p99-vs-baseline";
    /** Failed: a canary request is slower than a baseline one more often than 50% plus the tolerance (Mann-Whitney). */
    public static final String RULE_LATENCY_DISTRIBUTION = "latency-distribution";

    /** What a judgement decided. */
    public enum Kind {
        /** Not enough data on one side yet: neither passes nor fails. */
        HOLD,
        /** Healthy: the step may be promoted once baked. */
        PASS,
        /** An SLO is breached or the canary is significantly worse than the baseline. */
        FAIL
    }

    public Verdict {
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(reason, "reason must not be null");
        Objects.requireNonNull(rule, "rule must not be null (use \"\")");
        evidence = List.copyOf(evidence);
    }

    /** A verdict without a rule or evidence (a rollout not judged yet, or a caller's own decision). */
    public Verdict(Kind kind, String reason) {
        this(kind, reason, "", List.of());
    }

    public static Verdict hold(String reason) {
        return new Verdict(Kind.HOLD, reason);
    }

    public static Verdict pass(String reason) {
        return new Verdict(Kind.PASS, reason);
    }

    public static Verdict fail(String reason) {
        return new Verdict(Kind.FAIL, reason);
    }

    public boolean isFail() {
        return kind == Kind.FAIL;
    }

    /** The same decision and evidence with another reason. */
    public Verdict withReason(String newReason) {
        return new Verdict(kind, newReason, rule, evidence);
    }
}
