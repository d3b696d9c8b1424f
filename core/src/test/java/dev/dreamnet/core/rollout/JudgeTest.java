package dev.dreamnet.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.core.metrics.internal.StripedRecorder;
import java.time.Duration;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The judge as a pure function of two samples and a configuration. */
class JudgeTest {

    private final RolloutConfig config = RolloutConfig.builder("checkout").maxErrorRate(0.02)
            .maxP99(Duration.ofMillis(500)).build();

    @Test
    void holdsWhileEitherSideHasFewerThanTheMinimumRequests() {
        Verdict verdict = Judge.judge(sample(10_000, 10, 50), sample(299, 1, 50), config);

        assertThat(verdict.kind()).isEqualTo(Verdict.Kind.HOLD);
        assertThat(verdict.rule()).isEqualTo(Verdict.RULE_MINIMUM_SAMPLE);
        assertThat(verdict.reason()).isEqualTo("not enough data: canary 299 of 300 requests, baseline 10000 of 300 (this step)");
    }

    @Test
    void failsBeforeTheMinimumSampleOnOverwhelmingEvidenceAndSaysSo() {
        Verdict verdict = Judge.judge(sample(10_000, 10, 50), sample(40, 40, 50), config);

        assertThat(verdict.isFail()).isTrue();
        assertThat(verdict.rule()).isEqualTo(Verdict.RULE_ERRORS_SLO);
        assertThat(verdict.reason()).startsWith("canary error rate 100.00% (40/40) breaches the SLO of 2.00%")
                .endsWith("decided on overwhelming evidence before the minimum sample (canary 40, baseline 10000 of 300 requests)");
    }

    @Test
    void carriesTheEvidenceOfEveryTest() {
        Verdict verdict = Judge.judge(sample(10_000, 20, 50), sample(1_000, 3, 50), config);

        assertThat(verdict.evidence()).extracting(Evidence::test).containsExactly(Verdict.RULE_ERRORS_BASELINE,
                Verdict.RULE_ERRORS_SLO, Verdict.RULE_P99_SLO, Verdict.RULE_P99_BASELINE, Verdict.RULE_LATENCY_DISTRIBUTION);
        Evidence errors = verdict.evidence().get(0);
        assertThat(errors.bound()).as("1 / (0.01 / (3 judged steps x 5 tests))").isCloseTo(1_500, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(errors.effectiveSample()).as("errors on both sides").isEqualTo(23);
        assertThat(errors.statistic()).isLessThan(1);
        assertThat(errors.crossed()).isFalse();
        assertThat(verdict.evidence()).noneSatisfy(e -> assertThat(e.crossed()).isTrue());
    }

    @Test
    void passesACanaryThatLooksLikeItsBaseline() {
        Verdict verdict = Judge.judge(sample(10_000, 20, 50), sample(1_000, 3, 50), config);

        assertThat(verdict.kind()).isEqualTo(Verdict.Kind.PASS);
        assertThat(verdict.reason()).startsWith("healthy: canary errors 0.30% (3/1000)");
    }

    @Test
    void failsACanaryConfidentlyBeyondTheErrorSlo() {
        Verdict verdict = Judge.judge(sample(100_000, 100, 50), sample(5_000, 150, 50), config);

        assertThat(verdict.isFail()).isTrue();
        assertThat(verdict.rule()).isEqualTo(Verdict.RULE_ERRORS_SLO);
        assertThat(verdict.reason()).startsWith("canary error rate 3.00% (150/5000) breaches the SLO of 2.00% (e-value ");
    }

    @Test
    void judgesTheCanaryAgainstTheBaselineWhenTheBaselineItselfBreachesTheSlo() {
        Verdict fix = Judge.judge(sample(10_000, 900, 50), sample(1_000, 60, 50), config);
        Verdict worse = Judge.judge(sample(10_000, 900, 50), sample(1_000, 300, 50), config);

        assertThat(fix.kind()).as("a fix may roll out during an incident").isEqualTo(Verdict.Kind.PASS);
        assertThat(fix.reason()).endsWith("the baseline breaches the error SLO of 2.00% too, so the canary is judged "
                + "against the baseline");
        assertThat(worse.rule()).isEqualTo(Verdict.RULE_ERRORS_BASELINE);
    }

    @Test
    void failsACanarySignificantlyWorseThanItsBaselineWhileWithinTheSlo() {
        Verdict verdict = Judge.judge(sample(100_000, 100, 50), sample(2_000, 30, 50), config);

        assertThat(verdict.isFail()).isTrue();
        assertThat(verdict.rule()).isEqualTo(Verdict.RULE_ERRORS_BASELINE);
        assertThat(verdict.reason()).startsWith("canary error rate 1.50% (30/2000) is significantly worse than the baseline's 0.10%");
    }

    @Test
    void doesNotFailOnAFewMoreErrorsThanChanceAllows() {
        Verdict verdict = Judge.judge(sample(100_000, 100, 50), sample(1_000, 3, 50), config);

        assertThat(verdict.kind()).isEqualTo(Verdict.Kind.PASS);
    }

    @Test
    void failsACanaryWhoseP99BreachesTheSlo() {
        Sample canary = sample(1_000, 0, 50);
        canary.latencyMicros().recordValueWithCount(800_000, 50);

        Verdict verdict = Judge.judge(sample(10_000, 0, 50), new Sample(1_050, 0, canary.latencyMicros()), config);

        assertThat(verdict.isFail()).isTrue();
        assertThat(verdict.rule()).isEqualTo(Verdict.RULE_P99_SLO);
        assertThat(verdict.reason()).startsWith("canary p99 ").contains("breaches the SLO of 500.0 ms");
    }

    @Test
    void failsACanaryWhoseP99IsDoubleTheBaselines() {
        Sample baseline = sample(98_500, 0, 50);
        baseline.latencyMicros().recordValueWithCount(100_000, 1_500);
        Sample canary = sample(4_850, 0, 50);
        canary.latencyMicros().recordValueWithCount(200_000, 150);

        Verdict verdict = Judge.judge(new Sample(100_000, 0, baseline.latencyMicros()),
                new Sample(5_000, 0, canary.latencyMicros()), config);

        assertThat(verdict.isFail()).isTrue();
        assertThat(verdict.rule()).isEqualTo(Verdict.RULE_P99_BASELINE);
        assertThat(verdict.reason()).as("to the 6.25% bins").startsWith("canary p99 204.8 ms is significantly slower than "
                + "the baseline's 102.4 ms (3.00% of requests over 153.6 ms; e-value ");
    }

    @Test
    void toleratesAP99WithinTheLatencyTolerance() {
        Sample baseline = sample(98_500, 0, 50);
        baseline.latencyMicros().recordValueWithCount(100_000, 1_500);
        Sample canary = sample(4_850, 0, 50);
        canary.latencyMicros().recordValueWithCount(140_000, 150);

        Verdict verdict = Judge.judge(new Sample(100_000, 0, baseline.latencyMicros()),
                new Sample(5_000, 0, canary.latencyMicros()), config);

        assertThat(verdict.kind()).isEqualTo(Verdict.Kind.PASS);
    }

    @Test
    void failsACanaryWhoseWholeDistributionIsSlowerBeyondTheEffectTolerance() {
        Verdict slower = Judge.judge(spread(10_000, 1.0), spread(2_000, 1.2), config);
        Verdict same = Judge.judge(spread(10_000, 1.0), spread(2_000, 1.0), config);

        assertThat(slower.isFail()).isTrue();
        assertThat(slower.rule()).isEqualTo(Verdict.RULE_LATENCY_DISTRIBUTION);
        assertThat(slower.reason()).startsWith("canary latency is significantly worse than the baseline's: a canary "
                + "request is the slower of a pair 66.2% of the time, beyond the tolerated 53.0% (z = ");
        assertThat(same.kind()).isEqualTo(Verdict.Kind.PASS);
    }

    /** Latencies spread evenly over 30-90 ms, times {@code factor}. */
    private static Sample spread(int requests, double factor) {
        Histogram micros = StripedRecorder.newHistogram();
        for (int i = 0; i < requests; i++) {
            micros.recordValue((long) ((30_000 + 60_000.0 * i / requests) * factor));
        }
        return new Sample(requests, 0, micros);
    }

    private static Sample sample(long requests, long errors, long millis) {
        Histogram micros = StripedRecorder.newHistogram();
        micros.recordValueWithCount(millis * 1_000, requests);
        return new Sample(requests, errors, micros);
    }
}
