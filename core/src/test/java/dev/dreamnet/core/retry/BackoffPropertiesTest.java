package dev.dreamnet.core.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Properties of the backoff over many seeded random inputs; a failure names the seed. */
class BackoffPropertiesTest {

    private static final int TRIES = 2_000;

    private static final Duration BASE = Duration.ofMillis(100);
    private static final Duration CAP = Duration.ofSeconds(3);

    @Test
    void withoutJitterTheDelayDoublesFrom100msToThe3sCap() {
        Backoff backoff = Backoff.exponential(Backoff.Jitter.NONE);
        SplittableRandom random = new SplittableRandom(1);

        assertThat(backoff.delay(1, random)).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.delay(2, random)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.delay(5, random)).isEqualTo(Duration.ofMillis(1600));
        assertThat(backoff.delay(6, random)).isEqualTo(CAP);
        assertThat(backoff.delay(1_000, random)).isEqualTo(CAP);
    }

    @Test
    void fullJitterStaysWithinZeroAndTheCeiling() {
        forEachSeed(random -> fullJitterStaysWithinZeroAndTheCeiling(1 + random.nextInt(200), random.nextLong()));
    }

    private static void fullJitterStaysWithinZeroAndTheCeiling(int attempt, long seed) {
        Backoff backoff = Backoff.exponential(Backoff.Jitter.FULL);

        Duration delay = backoff.delay(attempt, new SplittableRandom(seed));

        assertThat(delay).isBetween(Duration.ZERO, Duration.ofNanos(backoff.ceilingNanos(attempt)));
    }

    @Test
    void equalJitterKeepsAtLeastHalfTheCeiling() {
        forEachSeed(random -> equalJitterKeepsAtLeastHalfTheCeiling(1 + random.nextInt(200), random.nextLong()));
    }

    private static void equalJitterKeepsAtLeastHalfTheCeiling(int attempt, long seed) {
        Backoff backoff = Backoff.exponential(Backoff.Jitter.EQUAL);
        long ceiling = backoff.ceilingNanos(attempt);

        Duration delay = backoff.delay(attempt, new SplittableRandom(seed));

        assertThat(delay).isBetween(Duration.ofNanos(ceiling / 2), Duration.ofNanos(ceiling));
    }

    @Test
    void decorrelatedJitterStaysBetweenBaseAndThreeTimesThePrevious() {
        forEachSeed(random -> decorrelatedJitterStaysBetweenBaseAndThreeTimesThePrevious(
                random.nextLong(10_000_000_001L), random.nextLong()));
    }

    private static void decorrelatedJitterStaysBetweenBaseAndThreeTimesThePrevious(long previousNanos, long seed) {
        Backoff backoff = Backoff.exponential(Backoff.Jitter.DECORRELATED);
        Duration previous = Duration.ofNanos(previousNanos);
        Duration upper = Duration.ofNanos(Math.min(CAP.toNanos(), 3 * Math.max(previousNanos, BASE.toNanos())));

        Duration delay = backoff.delay(1, previous, new SplittableRandom(seed));

        assertThat(delay).isBetween(BASE, upper);
    }

    @Test
    void noJitterEverExceedsTheCap() {
        forEachSeed(random -> noJitterEverExceedsTheCap(jitter(random), 1 + random.nextInt(Integer.MAX_VALUE),
                random.nextLong(Long.MAX_VALUE / 4 + 1), random.nextLong()));
    }

    private static void noJitterEverExceedsTheCap(Backoff.Jitter jitter, int attempt, long previousNanos, long seed) {
        Backoff backoff = Backoff.exponential(jitter);

        Duration delay = backoff.delay(attempt, Duration.ofNanos(previousNanos), new SplittableRandom(seed));

        assertThat(delay).isBetween(Duration.ZERO, CAP);
    }

    @Test
    void jitterSpreadsTheDelaysAcrossTheirRange() {
        for (long seed = 0; seed < 50; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            for (Backoff.Jitter jitter : Backoff.Jitter.values()) {
                jitterSpreadsTheDelaysAcrossTheirRange(jitter, 1 + random.nextInt(8), random.nextLong());
            }
        }
    }

    private static void jitterSpreadsTheDelaysAcrossTheirRange(Backoff.Jitter jitter, int attempt, long seed) {
        Backoff backoff = Backoff.exponential(jitter);
        SplittableRandom random = new SplittableRandom(seed);
        long low = Long.MAX_VALUE;
        long high = Long.MIN_VALUE;
        for (int i = 0; i < 1_000; i++) {
            long nanos = backoff.delay(attempt, CAP, random).toNanos();
            low = Math.min(low, nanos);
            high = Math.max(high, nanos);
        }
        long range = switch (jitter) {
            case NONE -> 0;
            case FULL -> backoff.ceilingNanos(attempt);
            case EQUAL -> backoff.ceilingNanos(attempt) / 2;
            case DECORRELATED -> CAP.toNanos() - BASE.toNanos();
        };

        assertThat(high - low).as("spread of 1000 delays for %s", jitter).isGreaterThanOrEqualTo(range * 9 / 10);
    }

    private static Backoff.Jitter jitter(SplittableRandom random) {
        Backoff.Jitter[] all = Backoff.Jitter.values();
        return all[random.nextInt(all.length)];
    }

    private static void forEachSeed(Consumer<SplittableRandom> property) {
        for (long seed = 0; seed < TRIES; seed++) {
            try {
                property.accept(new SplittableRandom(seed));
            } catch (AssertionError e) {
                throw new AssertionError("failed for seed " + seed, e);
            }
        }
    }
}
