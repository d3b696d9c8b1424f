package dev.dreamnet.runtime.rollouts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.core.rollout.Rollout;
import dev.dreamnet.core.rollout.RolloutConfig;
import dev.dreamnet.core.rollout.Variant;
import dev.dreamnet.core.rollout.Verdict;
import dev.dreamnet.core.time.FakeClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What {@code /api/observability/rollouts} shows of a judged step: the rule and every test's evidence. */
class RolloutViewsTest {

    @Test
    void theLastVerdictShowsItsRuleAndEveryTestsEvidenceWithNullForUnknownEstimates() {
        FakeClock clock = new FakeClock();
        Rollout rollout = Rollout.builder(RolloutConfig.builder("checkout").build()).clock(clock).build();
        rollout.start();
        rollout.record(Variant.BASELINE, false, 50_000_000, 5_000);
        rollout.record(Variant.BASELINE, true, 50_000_000, 5);
        rollout.record(Variant.CANARY, false, 50_000_000, 40);
        clock.advance(Duration.ofSeconds(10));
        rollout.evaluate(clock.nanoTime());

        RolloutViews.VerdictView verdict = RolloutViews.of(rollout).lastVerdict();

        assertThat(verdict.kind()).isEqualTo("HOLD");
        assertThat(verdict.rule()).isEqualTo(Verdict.RULE_MINIMUM_SAMPLE);
        assertThat(verdict.reason()).startsWith("not enough data: canary 40 of 300 requests");
        assertThat(verdict.evidence()).extracting(RolloutViews.EvidenceView::test).containsExactly(
                Verdict.RULE_ERRORS_BASELINE, Verdict.RULE_ERRORS_SLO,
                Verdict.RULE_P99_SLO, Verdict.RULE_P99_BASELINE, Verdict.RULE_LATENCY_DISTRIBUTION);
        RolloutViews.EvidenceView errors = verdict.evidence().get(0);
        assertThat(errors.bound()).isEqualTo(1_500.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(errors.effectiveSample()).isEqualTo(5);
        assertThat(errors.crossed()).isFalse();
        assertThat(errors.etaSeconds()).as("no evidence against the canary: not heading to a rollback").isNull();
        assertThat(verdict.evidence().get(4).statistic()).as("no distribution look below 100 canary requests").isNull();
    }
}
