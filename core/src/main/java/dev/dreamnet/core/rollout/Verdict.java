package dev.dreamnet.core.rollout;

import java.util.Objects;

/**
 * The judgement of one step at one moment, with the reason in words for operators and the audit log.
 * Immutable and thread-safe.
 *
 * @param kind   hold (not enough data), pass (healthy) or fail (roll back)
 * @param reason why, with the figures that decided it
 */
public record Verdict(Kind kind, String reason) {

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
}
