package dev.dreamnet.core.rollout;

import java.util.Objects;

/**
 * Where one statistical test of a step stands at a judgement. The sequential tests (errors against
 * the SLO and the baseline, p99 against the SLO and the baseline) report their mixture likelihood
 * ratio (an e-value: under the null hypothesis it exceeds {@code 1/a} with probability at most
 * {@code a}, however often it is looked at); the latency distribution test reports the z-score of
 * its Mann-Whitney effect above the tolerance at its latest look. Immutable and thread-safe.
 *
 * @param test            one of the {@code Verdict.RULE_*} test names
 * @param statistic       the e-value (sequential tests) or z-score (distribution test) now
 * @param bound           the value of {@code statistic} at which the step fails
 * @param effectiveSample the observations the test has weighed this step: canary requests (SLO and
 *                        p99 tests), errors on both sides (errors against the baseline), or
 *                        {@code nc * nb / (nc + nb)} (distribution test)
 * @param crossed         whether {@code statistic} has reached {@code bound}
 * @param etaSeconds      at the pace seen so far, seconds until {@code bound} would be crossed; NaN when
 *                        the evidence is not heading there
 */
public record Evidence(String test, double statistic, double bound, double effectiveSample, boolean crossed,
                       double etaSeconds) {

    public Evidence {
        Objects.requireNonNull(test, "test must not be null");
    }
}
