package dev.dreamnet.core.rollout;

import dev.dreamnet.core.rollout.internal.StepJudge;

/**
 * Judges a canary against its baseline. A rollout judges each step sequentially, on the step's
 * cumulative traffic at every evaluation (see {@code docs/ROLLOUTS.md}): five tests, each at
 * {@code significance / (judged steps x 5)}, whose false-rollback guarantee holds however often they
 * look. In order: a test that crossed its bound fails the step (even before {@code minRequests}, on
 * overwhelming evidence); either side below {@code minRequests} holds; otherwise it passes. The
 * verdict names the rule that decided and carries every test's evidence.
 *
 * <p>{@link #judge(Sample, Sample, RolloutConfig)} is the same judgement taken once on two whole
 * samples, as if they were a step's first and only batch. A pure function, thread-safe.
 */
public final class Judge {

    private Judge() {
    }

    public static Verdict judge(Sample baseline, Sample canary, RolloutConfig config) {
        StepJudge step = new StepJudge(config);
        step.add(Variant.BASELINE, baseline.requests(), baseline.errors(), baseline.latencyMicros());
        step.add(Variant.CANARY, canary.requests(), canary.errors(), canary.latencyMicros());
        step.endOneLook();
        return step.verdict(0);
    }
}
