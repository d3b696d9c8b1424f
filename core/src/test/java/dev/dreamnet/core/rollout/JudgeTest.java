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
        Verdict verdict = Judge.judge(sample(10_000, 10, 50), sample(299, 200, 50), config);

        assertThat(verdict.kind()).isEqualTo(Verdict.Kind.HOLD);
        assertThat(verdict.reason()).isEqualTo("not enough data: canary 299 of 300 requests, baseline 10000 of 300");
    }

    @Test
    void passesACanaryThatLooksLikeItsBaseline() {
        Verdict verdict = Judge.judge(sample(10_000, 20, 50), sample(1_000, 3, 50), config);

        assertThat(verdict.kind()).isEqualTo(Verdict.Kind.PASS);
        assertThat(verdict.reason()).startsWith("healthy: canary errors 0.30% (3/1000)");
    }

    @Test
    void failsACanaryConfidentlyBeyondTheErrorSlo() {
        Verdict verdict = Judge.judge(sample(10_000, 900, 50), sample(1_000, 100, 50), config);

        assertThat(verdict.isFail()).isTrue();
        assertThat(verdict.reason()).isEqualTo("canary error rate 10.00% (100/1000) breaches the SLO of 2.00%");
    }

    @Test
    void failsACanarySignificantlyWorseThanItsBaselineWhileWithinTheSlo() {
        Verdict verdict = Judge.judge(sample(100_000, 100, 50), sample(2_000, 30, 50), config);

        assertThat(verdict.isFail()).isTrue();
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
        assertThat(verdict.reason()).startsWith("canary p99 200.").contains("significantly slower than the baseline's 100.");
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

    private static Sample sample(long requests, long errors, long millis) {
        Histogram micros = StripedRecorder.newHistogram();
        micros.recordValueWithCount(millis * 1_000, requests);
        return new Sample(requests, errors, micros);
    }
}
