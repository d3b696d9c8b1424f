package dev.dreamnet.core.rollout.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The statistics against values from tables (R: qnorm, fisher.test alternative = "greater"). */
class StatisticsTest {

    @Test
    void normalQuantilesMatchTheTables() {
        assertThat(Statistics.zFor(0.05)).isCloseTo(1.644854, within(1e-6));
        assertThat(Statistics.zFor(0.001)).isCloseTo(3.090232, within(1e-6));
        assertThat(Statistics.zFor(0.0001)).isCloseTo(3.719016, within(1e-6));
    }

    @Test
    void fishersExactTestMatchesAHandComputedTail() {
        // 3 of 3 hits in group 1 against 0 of 3: 1 / C(6, 3) = 0.05
        assertThat(Statistics.fisherGreater(3, 3, 0, 3)).isCloseTo(0.05, within(1e-12));
        // 2 of 3 against 0 of 3: P(X >= 2) = C(3,2) C(3,0) / C(6,2) = 3/15
        assertThat(Statistics.fisherGreater(2, 3, 0, 3)).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void fishersExactTestIsOneWhenTheFirstProportionIsNotLarger() {
        assertThat(Statistics.fisherGreater(1, 1_000, 10, 10_000)).isEqualTo(1.0);
        assertThat(Statistics.fisherGreater(0, 1_000, 5, 10_000)).isEqualTo(1.0);
    }

    @Test
    void fishersExactTestStaysAccurateForLargeSamples() {
        // 0.6% against 0.5%: a normal approximation gives z = 1.34, p = 0.09
        assertThat(Statistics.fisherGreater(60, 10_000, 500, 100_000)).isBetween(0.08, 0.13);
        assertThat(Statistics.fisherGreater(200, 10_000, 500, 100_000)).isLessThan(1e-30);
    }

    @Test
    void wilsonLowerBoundIsBelowTheObservedShareAndZeroWithoutTrials() {
        assertThat(Statistics.wilsonLower(10, 100, 1.96)).isCloseTo(0.0552, within(1e-4));
        assertThat(Statistics.wilsonLower(0, 0, 1.96)).isZero();
    }
}
