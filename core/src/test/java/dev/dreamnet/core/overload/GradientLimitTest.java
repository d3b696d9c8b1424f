package dev.dreamnet.core.overload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GradientLimitTest {

    private static final long MS = 1_000_000L;

    private final AdaptiveLimitConfig config = AdaptiveLimitConfig.builder()
            .initialLimit(20).minLimit(4).maxLimit(200).build();

    @Test
    void theLimitGrowsWhileLatencyIsFlatAndTheLimitIsUsed() {
        GradientLimit limit = new GradientLimit(config);

        int previous = limit.limit();
        for (int window = 0; window < 20; window++) {
            int next = limit.update(10 * MS, limit.limit(), false);
            assertThat(next).isGreaterThanOrEqualTo(previous);
            previous = next;
        }

        assertThat(limit.limit()).isGreaterThan(30);
    }

    @Test
    void flatLatencyAtFullUseEventuallyReachesTheMaximumAndStaysThere() {
        GradientLimit limit = new GradientLimit(config);

        for (int window = 0; window < 1_000; window++) {
            limit.update(10 * MS, limit.limit(), false);
        }

        assertThat(limit.limit()).isEqualTo(200);
    }

    @Test
    void theLimitDoesNotGrowWhenLessThanHalfOfItIsUsed() {
        GradientLimit limit = new GradientLimit(config);

        for (int window = 0; window < 50; window++) {
            limit.update(10 * MS, 9, false);
        }

        assertThat(limit.limit()).isEqualTo(20);
    }

    @Test
    void theLimitShrinksWhenLatencyRisesAboveTheTolerance() {
        GradientLimit limit = grownTo100At10Ms();

        int previous = limit.limit();
        for (int window = 0; window < 10; window++) {
            int next = limit.update(40 * MS, limit.limit(), false);
            assertThat(next).isLessThanOrEqualTo(previous);
            previous = next;
        }

        assertThat(limit.limit()).isLessThan(60);
    }

    @Test
    void latencyWithinTheToleranceDoesNotShrinkTheLimit() {
        GradientLimit limit = grownTo100At10Ms();
        int before = limit.limit();

        limit.update(14 * MS, limit.limit(), false);

        assertThat(limit.limit()).isGreaterThanOrEqualTo(before);
    }

    @Test
    void aWindowWithADropLowersTheLimitEvenAtFlatLatency() {
        GradientLimit limit = grownTo100At10Ms();
        int before = limit.limit();

        limit.update(10 * MS, limit.limit(), true);

        assertThat(limit.limit()).isLessThan(before);
    }

    @Test
    void theLimitGrowsAgainOnceLatencyFallsBack() {
        GradientLimit limit = grownTo100At10Ms();
        for (int window = 0; window < 30; window++) {
            limit.update(100 * MS, limit.limit(), false);
        }
        int shrunk = limit.limit();

        for (int window = 0; window < 30; window++) {
            limit.update(10 * MS, limit.limit(), false);
        }

        assertThat(limit.limit()).isGreaterThan(shrunk);
    }

    @Test
    void theLimitNeverFallsBelowTheMinimum() {
        GradientLimit limit = new GradientLimit(config);

        for (int window = 0; window < 200; window++) {
            limit.update(10 * MS * (window + 1), limit.limit(), true);
        }

        assertThat(limit.limit()).isEqualTo(4);
    }

    @Test
    void negativeSamplesAreRefusedByName() {
        GradientLimit limit = new GradientLimit(config);

        assertThatThrownBy(() -> limit.update(-1, 3, false)).hasMessage("shortRttNanos must be >= 0, was -1");
        assertThatThrownBy(() -> limit.update(1, -3, false)).hasMessage("maxInflight must be >= 0, was -3");
    }

    private GradientLimit grownTo100At10Ms() {
        GradientLimit limit = new GradientLimit(config);
        while (limit.limit() < 100) {
            limit.update(10 * MS, limit.limit(), false);
        }
        return limit;
    }
}
