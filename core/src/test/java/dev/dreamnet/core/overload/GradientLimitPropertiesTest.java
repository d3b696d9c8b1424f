package dev.dreamnet.core.overload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GradientLimitPropertiesTest {

    @Test
    void theLimitNeverLeavesItsBoundsForAnySampleSequence() {
        for (long seed = 0; seed < 500; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            try {
                theLimitStaysWithinBounds(random);
            } catch (AssertionError e) {
                throw new AssertionError("failed for seed " + seed, e);
            }
        }
    }

    /** Random bounds and settings; windows with RTTs from 0 to 10 s in bursts, any in-flight count, drops now and then. */
    private static void theLimitStaysWithinBounds(SplittableRandom random) {
        int min = 1 + random.nextInt(50);
        int max = min + random.nextInt(1_000);
        AdaptiveLimitConfig config = AdaptiveLimitConfig.builder()
                .minLimit(min).maxLimit(max).initialLimit(min + random.nextInt(max - min + 1))
                .smoothing(0.01 + random.nextDouble() * 0.99).rttTolerance(1 + random.nextDouble() * 3)
                .longWindow(1 + random.nextInt(600)).build();
        GradientLimit limit = new GradientLimit(config);
        long rtt = 1 + random.nextInt(1_000_000);
        for (int window = random.nextInt(2_000); window > 0; window--) {
            if (random.nextInt(20) == 0) {
                rtt = random.nextLong(10_000_000_000L);
            }
            int next = limit.update(rtt, random.nextInt(2 * max + 1), random.nextInt(10) == 0);
            assertThat(next).isBetween(min, max).isEqualTo(limit.limit());
        }
    }

    @Test
    void underFlatLatencyAndFullUseTheLimitNeverFalls() {
        for (long seed = 0; seed < 200; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            try {
                GradientLimit limit = new GradientLimit(AdaptiveLimitConfig.builder()
                        .smoothing(0.01 + random.nextDouble() * 0.99).longWindow(1 + random.nextInt(600)).build());
                long rtt = 1 + random.nextLong(1_000_000_000L);
                for (int window = 0; window < 300; window++) {
                    int before = limit.limit();
                    assertThat(limit.update(rtt, before, false)).isGreaterThanOrEqualTo(before);
                }
            } catch (AssertionError e) {
                throw new AssertionError("failed for seed " + seed, e);
            }
        }
    }
}
