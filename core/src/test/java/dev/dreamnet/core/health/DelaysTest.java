package dev.dreamnet.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class DelaysTest {

    private static final Duration FIVE_SECONDS = Duration.ofSeconds(5);

    @Test
    void jitterStaysWithinTenPercent() {
        Random random = new Random(20260101);
        for (int i = 0; i < 100_000; i++) {
            assertThat(Delays.jittered(FIVE_SECONDS, 0.1, random))
                    .isBetween(Duration.ofMillis(4500), Duration.ofMillis(5500));
        }
    }

    @Test
    void jitterReachesBothEndsOfTheWindow() {
        RandomGenerator lowest = () -> 0L;
        RandomGenerator highest = () -> -1L;

        assertThat(Delays.jittered(FIVE_SECONDS, 0.1, lowest)).isEqualTo(Duration.ofMillis(4500));
        assertThat(Delays.jittered(FIVE_SECONDS, 0.1, highest)).isEqualTo(Duration.ofMillis(5500));
    }

    @Test
    void zeroJitterIsExactAndDrawsNothing() {
        RandomGenerator forbidden = () -> {
            throw new AssertionError("no random number should be drawn");
        };

        assertThat(Delays.jittered(FIVE_SECONDS, 0, forbidden)).isEqualTo(FIVE_SECONDS);
    }

    @Test
    void durationsAreWordedForPeople() {
        assertThat(Delays.human(Duration.ofSeconds(2))).isEqualTo("2s");
        assertThat(Delays.human(Duration.ofMillis(2200))).isEqualTo("2.2s");
        assertThat(Delays.human(Duration.ofMillis(150))).isEqualTo("150ms");
        assertThat(Delays.human(Duration.ofNanos(1_234_567_890))).isEqualTo("1.234s");
    }
}
