package dev.dreamnet.core.overload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.dreamnet.core.time.FakeClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The SRE client-side throttle: its probability, exactly, on a fake clock and a scripted random. */
class AdaptiveThrottleTest {

    private final FakeClock clock = new FakeClock();
    private double nextRandom = 0.999_999;
    private final AdaptiveThrottle throttle =
            new AdaptiveThrottle("provider", ThrottleConfig.ofDefaults(), clock, () -> nextRandom);

    @Test
    void formulaIsMaxOfZeroAndRequestsLessKTimesAcceptsOverRequestsPlusOne() {
        assertThat(AdaptiveThrottle.probability(0, 0, 2)).isZero();
        assertThat(AdaptiveThrottle.probability(100, 50, 2)).isZero();
        assertThat(AdaptiveThrottle.probability(100, 60, 2)).as("never negative").isZero();
        assertThat(AdaptiveThrottle.probability(100, 10, 2)).isEqualTo(80.0 / 101);
        assertThat(AdaptiveThrottle.probability(100, 0, 2)).isEqualTo(100.0 / 101);
        assertThat(AdaptiveThrottle.probability(100, 10, 1.5)).isEqualTo(85.0 / 101);
    }

    @Test
    void aHealthyDownstreamIsNeverThrottled() {
        nextRandom = 0;
        for (int i = 0; i < 1_000; i++) {
            assertThat(throttle.tryAcquire()).isTrue();
            throttle.onAccepted();
        }
        assertThat(throttle.probability()).isZero();
        assertThat(throttle.rejected()).isZero();
    }

    @Test
    void probabilityFollowsTheCountsOfTheWindow() {
        send(10, true);
        send(90, false);

        assertThat(throttle.requests()).isEqualTo(100);
        assertThat(throttle.accepts()).isEqualTo(10);
        assertThat(throttle.probability()).isEqualTo(80.0 / 101);
    }

    @Test
    void rejectsWhenTheRandomFallsBelowTheProbabilityAndCountsTheRejectionAsARequest() {
        send(10, true);
        send(90, false);

        nextRandom = 80.0 / 101 - 1e-9;
        assertThat(throttle.tryAcquire()).isFalse();
        assertThat(throttle.requests()).isEqualTo(101);
        assertThat(throttle.probability()).isEqualTo(81.0 / 102);
        assertThat(throttle.rejected()).isEqualTo(1);

        nextRandom = 81.0 / 102;
        assertThat(throttle.tryAcquire()).as("random >= p is let through").isTrue();
    }

    @Test
    void acquireThrowsNamingTheDownstreamAndTheCounts() {
        send(100, false);
        nextRandom = 0;

        assertThatThrownBy(throttle::acquire).isInstanceOf(ThrottledException.class)
                .isInstanceOf(LocallyRejectedException.class)
                .hasMessage("adaptive throttle \"provider\" rejected the call locally "
                        + "(probability 0.990: 101 requests, 0 accepted in the window)")
                .satisfies(e -> assertThat(((ThrottledException) e).downstream()).isEqualTo("provider"));
    }

    @Test
    void countsLeaveTheWindowInStepsOfOneTwentiethOfIt() {
        send(100, false);
        clock.advance(Duration.ofSeconds(114));
        send(10, true);
        assertThat(throttle.requests()).as("114 s: the first bucket is the 20th and last").isEqualTo(110);

        clock.advance(Duration.ofSeconds(6));
        assertThat(throttle.requests()).as("120 s: the first bucket left the 2 min window").isEqualTo(10);
        assertThat(throttle.accepts()).isEqualTo(10);
        assertThat(throttle.probability()).isZero();

        clock.advance(Duration.ofMinutes(10));
        assertThat(throttle.requests()).isZero();
        assertThat(throttle.snapshot()).isEqualTo(new ThrottleSnapshot(2.0, 0, 0, 0, 0));
    }

    @Test
    void underAFullOutageTheRequestsSentApproachKTimesTheAccepts() {
        nextRandom = 0.5;
        java.util.Random random = new java.util.Random(17);
        AdaptiveThrottle seeded = new AdaptiveThrottle("p", ThrottleConfig.ofDefaults(), clock, random::nextDouble);
        long sent = 0;
        for (int i = 0; i < 10_000; i++) {
            if (seeded.tryAcquire()) {
                sent++;
            }
        }
        assertThat(seeded.probability()).isCloseTo(1.0, within(0.01));
        assertThat(sent).as("with no accepts, only about requests / (requests + 1) leak through").isLessThan(100);
    }

    @Test
    void settingsAreValidatedByName() {
        assertThatThrownBy(() -> new ThrottleConfig(0.5, Duration.ofMinutes(2)))
                .hasMessage("k must be >= 1 and <= 100, was 0.5");
        assertThatThrownBy(() -> new ThrottleConfig(2, Duration.ofMillis(500)))
                .hasMessage("window must be >= 1s and <= 1h, was PT0.5S");
    }

    private void send(int count, boolean accepted) {
        for (int i = 0; i < count; i++) {
            assertThat(throttle.tryAcquire()).isTrue();
            if (accepted) {
                throttle.onAccepted();
            }
        }
    }
}
