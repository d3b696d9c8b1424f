package dev.dreamnet.core.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class BackoffPropertiesTest {

    private static final Duration BASE = Duration.ofMillis(100);
    private static final Duration CAP = Duration.ofSeconds(3);

    @Example
    void withoutJitterTheDelayDoublesFrom100msToThe3sCap() {
        Backoff backoff = Backoff.exponential(Backoff.Jitter.NONE);
        SplittableRandom random = new SplittableRandom(1);

        assertThat(backoff.delay(1, random)).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.delay(2, random)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.delay(5, random)).isEqualTo(Duration.ofMillis(1600));
        assertThat(backoff.delay(6, random)).isEqualTo(CAP);
        assertThat(backoff.delay(1_000, random)).isEqualTo(CAP);
    }

    @Property
    void fullJitterStaysWithinZeroAndTheCeiling(@ForAll @IntRange(min = 1, max = 200) int attempt, @ForAll long seed) {
        Backoff backoff = Backoff.exponential(Backoff.Jitter.FULL);

        Duration delay = backoff.delay(attempt, new SplittableRandom(seed));

        assertThat(delay).isBetween(Duration.ZERO, Duration.ofNanos(backoff.ceilingNanos(attempt)));
    }

    @Property
    void equalJitterKeepsAtLeastHalfTheCeiling(@ForAll @IntRange(min = 1, max = 200) int attempt, @ForAll long seed) {
        Backoff backoff = Backoff.exponential(Backoff.Jitter.EQUAL);
        long ceiling = backoff.ceilingNanos(attempt);

        Duration delay = backoff.delay(attempt, new SplittableRandom(seed));

        assertThat(delay).isBetween(Duration.ofNanos(ceiling / 2), Duration.ofNanos(ceiling));
    }

    @Property
    void decorrelatedJitterStaysBetweenBaseAndThreeTimesThePrevious(
            @ForAll @LongRange(min = 0, max = 10_000_000_000L) long previousNanos, @ForAll long seed) {
        Backoff backoff = Backoff.exponential(Backoff.Jitter.DECORRELATED);
        Duration previous = Duration.ofNanos(previousNanos);
        Duration upper = Duration.ofNanos(Math.min(CAP.toNanos(), 3 * Math.max(previousNanos, BASE.toNanos())));

        Duration delay = backoff.delay(1, previous, new SplittableRandom(seed));

        assertThat(delay).isBetween(BASE, upper);
    }

    @Property
    void noJitterEverExceedsTheCap(@ForAll Backoff.Jitter jitter, @ForAll @IntRange(min = 1) int attempt,
                                   @ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 4) long previousNanos,
                                   @ForAll long seed) {
        Backoff backoff = Backoff.exponential(jitter);

        Duration delay = backoff.delay(attempt, Duration.ofNanos(previousNanos), new SplittableRandom(seed));

        assertThat(delay).isBetween(Duration.ZERO, CAP);
    }

    @Property(tries = 50)
    void jitterSpreadsTheDelaysAcrossTheirRange(@ForAll Backoff.Jitter jitter, @ForAll @IntRange(min = 1, max = 8) int attempt,
                                                @ForAll long seed) {
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
}
