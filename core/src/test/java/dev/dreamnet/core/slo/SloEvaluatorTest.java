package dev.dreamnet.core.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dreamnet.core.time.FakeClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Workbook's alerts on a fake clock: traffic is counted per second, the objective judged as it goes. */
class SloEvaluatorTest {

    private static final Slo AVAILABILITY = Slo.availability("dreams", List.of("GET /api/dreams/{id}"), 0.999);
    private static final int PER_SECOND = 10;

    private final FakeClock clock = new FakeClock();
    private final MinuteCounts counts = new MinuteCounts();
    private final SloEvaluator evaluator = SloEvaluator.workbook();

    @Test
    void aTotalOutageAgainstThreeNinesPagesWithinSixtySeconds() {
        healthyFor(Duration.ofHours(6));

        int seconds = 0;
        while (judge().state() != SloState.PAGE) {
            second(0, PER_SECOND);
            seconds++;
            assertThat(seconds).as("seconds of outage before the page").isLessThanOrEqualTo(60);
        }

        // 1,000x crosses 14.4x on the hour window after about 52 s of steady traffic.
        assertThat(seconds).isBetween(50, 54);
        assertThat(judge().firing()).first().asString().startsWith("PAGE: burn rate").contains("over 1h");
    }

    @Test
    void aSlowBurnAtTwiceTheBudgetTicketsButNeverPages() {
        healthyFor(Duration.ofDays(26));
        for (int minute = 0; minute < 4 * 24 * 60; minute++) {
            // 600 a minute, 0.2% of them bad: 6 in every 5 minutes.
            long bad = minute % 5 == 4 ? 2 : 1;
            counts.add(MinuteCounts.minuteOf(clock.wallMillis()), 60L * PER_SECOND - bad, bad);
            clock.advance(Duration.ofMinutes(1));
            if (minute % 10 == 0) {
                assertThat(judge().state()).as("minute %d", minute).isNotEqualTo(SloState.PAGE);
            }
        }

        SloStatus status = judge();
        assertThat(status.state()).isEqualTo(SloState.TICKET);
        assertThat(status.burnRates().get("3d")).isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.01));
        // Four days at 2x spent 8 days' worth of a 30-day budget; the 22 left last 11 days at 2x.
        assertThat(status.budgetRemaining()).isCloseTo(22.0 / 30, org.assertj.core.data.Offset.offset(0.01));
        assertThat(status.timeToExhaustion()).isBetween(Duration.ofDays(10), Duration.ofDays(12));
    }

    @Test
    void recoveryClearsThePageOnTheShortWindowWhileTheHourStillBurns() {
        healthyFor(Duration.ofHours(6));
        for (int s = 0; s < 120; s++) {
            second(0, PER_SECOND);
        }
        assertThat(judge().state()).isEqualTo(SloState.PAGE);

        int seconds = 0;
        while (judge().state() == SloState.PAGE) {
            second(PER_SECOND, 0);
            seconds++;
        }

        assertThat(seconds).isBetween(180, 300);
        assertThat(judge().burnRates().get("1h")).isGreaterThan(14.4);
        assertThat(judge().burnRates().get("5m")).isLessThan(14.4);
    }

    @Test
    void aHealthyWeekIsOkWithTheWholeBudgetLeft() {
        healthyFor(Duration.ofDays(7));

        SloStatus status = judge();

        assertThat(status.state()).isEqualTo(SloState.OK);
        assertThat(status.budgetRemaining()).isEqualTo(1.0);
        assertThat(status.timeToExhaustion()).isNull();
        assertThat(status.burnRates()).containsOnlyKeys("5m", "30m", "1h", "6h", "3d");
    }

    @Test
    void aSpentBudgetHasNoTimeLeft() {
        counts.add(MinuteCounts.minuteOf(clock.wallMillis()), 990, 10);
        clock.advance(Duration.ofSeconds(1));

        SloStatus status = judge();

        assertThat(status.exhausted()).isTrue();
        assertThat(status.budgetRemaining()).isCloseTo(-9.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(status.timeToExhaustion()).isZero();
    }

    @Test
    void minutesBeforeTheWindowAreLeftOut() {
        counts.add(MinuteCounts.minuteOf(clock.wallMillis()), 0, 5);
        clock.advance(Duration.ofMinutes(5));

        assertThat(counts.over(clock.wallMillis(), Duration.ofMinutes(5))).isEqualTo(Counts.ZERO);
        assertThat(counts.over(clock.wallMillis(), Duration.ofMinutes(6))).isEqualTo(new Counts(0, 5));
    }

    @Test
    void aLatencyThresholdMustBeABucketBound() {
        assertThatThrownBy(() -> Slo.latency("fast", List.of("GET /"), 0.99, Duration.ofMillis(300)))
                .hasMessageContaining("bucket bound").hasMessageContaining("250ms, 500ms");
        assertThat(Slo.latency("fast", List.of("GET /"), 0.99, Duration.ofMillis(250)).thresholdMicros())
                .isEqualTo(250_000);
    }

    private void healthyFor(Duration duration) {
        for (long minute = 0; minute < duration.toMinutes(); minute++) {
            counts.add(MinuteCounts.minuteOf(clock.wallMillis()), 60L * PER_SECOND, 0);
            clock.advance(Duration.ofMinutes(1));
        }
    }

    private void second(int good, int bad) {
        counts.add(MinuteCounts.minuteOf(clock.wallMillis()), good, bad);
        clock.advance(Duration.ofSeconds(1));
    }

    private SloStatus judge() {
        // Counted up to the second just past; judged at its last millisecond.
        long now = clock.wallMillis() - 1;
        return evaluator.evaluate(AVAILABILITY, window -> counts.over(now, window));
    }
}
