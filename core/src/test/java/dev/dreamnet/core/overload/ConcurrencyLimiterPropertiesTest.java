package dev.dreamnet.core.overload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.core.flags.Mode;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Random sequences of acquisitions, reports (matched or not), mode changes and time passing, checked against a model. */
class ConcurrencyLimiterPropertiesTest {

    private static final Criticality[] CLASSES = Criticality.values();
    private static final Mode[] MODES = Mode.values();

    @Test
    void everyDecisionFollowsTheSharesAndTheCountMatchesTheModel() {
        for (long seed = 0; seed < 300; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            try {
                run(random);
            } catch (AssertionError e) {
                throw new AssertionError("failed for seed " + seed, e);
            }
        }
    }

    private static void run(SplittableRandom random) {
        int min = 1 + random.nextInt(20);
        int max = min + random.nextInt(200);
        AdaptiveLimitConfig config = AdaptiveLimitConfig.builder().minLimit(min).maxLimit(max)
                .initialLimit(min + random.nextInt(max - min + 1)).sampleWindow(Duration.ofMillis(1 + random.nextInt(100)))
                .minSamples(1 + random.nextInt(20)).build();
        ConcurrencyLimiter limiter = ConcurrencyLimiter.builder().limit(config).build();
        int modelInflight = 0;
        long unmatched = 0;
        long now = random.nextLong();
        long rtt = 1 + random.nextInt(50_000_000);
        for (int step = random.nextInt(3_000); step > 0; step--) {
            int pick = random.nextInt(100);
            if (pick < 45) {
                Criticality criticality = CLASSES[random.nextInt(CLASSES.length)];
                int allowed = limiter.snapshot().allowed().get(criticality);
                boolean admitted = limiter.tryAcquire(criticality);
                assertThat(admitted).as("%s with %d in flight, %d allowed", criticality, modelInflight, allowed)
                        .isEqualTo(modelInflight < allowed);
                modelInflight += admitted ? 1 : 0;
            } else if (pick < 90) {
                now += random.nextInt(5_000_000);
                if (random.nextInt(50) == 0) {
                    rtt = 1 + random.nextInt(500_000_000);
                }
                int kind = random.nextInt(3);
                if (kind == 0) {
                    limiter.onSuccess(now, rtt);
                } else if (kind == 1) {
                    limiter.onDropped(now, rtt);
                } else {
                    limiter.release();
                }
                if (modelInflight == 0) {
                    unmatched++;
                } else {
                    modelInflight--;
                }
            } else if (pick < 93) {
                limiter.mode(MODES[random.nextInt(MODES.length)]);
            } else {
                now += random.nextInt(200_000_000);
            }
            LimiterSnapshot snapshot = limiter.snapshot();
            assertThat(snapshot.inflight()).isEqualTo(modelInflight);
            assertThat(snapshot.unmatchedReports()).isEqualTo(unmatched);
            assertThat(snapshot.limit()).isBetween(min, max);
            assertThat(snapshot.allowed().get(Criticality.CRITICAL)).isEqualTo(snapshot.limit());
        }
    }
}
