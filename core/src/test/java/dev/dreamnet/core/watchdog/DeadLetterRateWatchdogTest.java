package dev.dreamnet.core.watchdog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dreamnet.core.time.FakeClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeadLetterRateWatchdogTest {

    private final FakeQueueGauge gauge = new FakeQueueGauge();
    private final FakeClock clock = new FakeClock();
    private final DeadLetterRateWatchdog watchdog = DeadLetterRateWatchdog.ofDefaults("orders", gauge);

    @Test
    void firstReadingHasNoHistoryAndIsOk() {
        deadLettered(500);

        Reading reading = read();

        assertThat(reading.name()).isEqualTo("dlq-rate:orders");
        assertThat(reading.level()).isEqualTo(Level.OK);
        assertThat(reading.value()).isZero();
        assertThat(reading.reason()).isEqualTo("first reading of \"orders\": the dead-letter rate counts from now");
        assertThat(reading.detail()).containsExactly("dead-letter queue holds 0", "500 dead-lettered in total");
    }

    @Test
    void anyDeadLetterInTheLastMinuteIsWarn() {
        deadLettered(500);
        read();
        clock.advance(Duration.ofSeconds(5));
        deadLettered(501);

        Reading reading = read();

        assertThat(reading.level()).isEqualTo(Level.WARN);
        assertThat(reading.value()).isEqualTo(1.0);
        assertThat(reading.reason())
                .isEqualTo("\"orders\" dead-lettered 1 messages in the last 60 s, 1 per minute (crit at 10/min)");
    }

    @Test
    void tenDeadLettersInTheLastMinuteIsCrit() {
        deadLettered(0);
        read();
        clock.advance(Duration.ofSeconds(30));
        deadLettered(9);
        assertThat(read().level()).isEqualTo(Level.WARN);

        deadLettered(10);

        assertThat(read().level()).isEqualTo(Level.CRIT);
    }

    @Test
    void deadLettersLeaveTheWindowOneMinuteLater() {
        deadLettered(0);
        read();
        clock.advance(Duration.ofSeconds(10));
        deadLettered(20);
        read();

        for (int second = 1; second <= 59; second++) {
            clock.advance(Duration.ofSeconds(1));
            assertThat(read().level()).as("%d s after the burst", second).isEqualTo(Level.CRIT);
        }
        clock.advance(Duration.ofSeconds(1));

        assertThat(read().level()).as("60 s after the burst").isEqualTo(Level.OK);
    }

    @Test
    void aCounterThatRestartsFromZeroCountsItsNewValue() {
        deadLettered(1_000);
        read();
        clock.advance(Duration.ofSeconds(10));
        deadLettered(3);

        Reading reading = read();

        assertThat(reading.value()).isEqualTo(3.0);
    }

    @Test
    void aLongerWindowAveragesPerMinute() {
        DeadLetterRateWatchdog fiveMinutes = DeadLetterRateWatchdog.builder("orders", gauge)
                .window(Duration.ofMinutes(5)).build();
        deadLettered(0);
        fiveMinutes.read(clock.nanoTime());
        clock.advance(Duration.ofMinutes(1));
        deadLettered(4);

        Reading reading = fiveMinutes.read(clock.nanoTime());

        assertThat(reading.value()).isEqualTo(0.8);
        assertThat(reading.level()).isEqualTo(Level.OK);
    }

    @Test
    void aQueueThatCannotBeReadIsWarnAndKeepsNoSample() {
        Reading reading = read();

        assertThat(reading.level()).isEqualTo(Level.WARN);
        assertThat(reading.reason()).startsWith("could not read queue \"orders\"");
        deadLettered(7);
        assertThat(read().reason()).startsWith("first reading");
    }

    @Test
    void settingsAreValidatedByName() {
        assertThatThrownBy(() -> DeadLetterRateWatchdog.builder("orders", gauge).window(Duration.ofSeconds(-1)))
                .hasMessage("dlq-rate:orders.window must be > 0, was PT-1S");
        assertThatThrownBy(() -> DeadLetterRateWatchdog.builder("orders", gauge).thresholds(5, 2))
                .hasMessage("dlq-rate:orders.thresholds: warn (5) must be <= crit (2)");
    }

    private void deadLettered(long total) {
        gauge.set("orders", 0, 0, total);
    }

    private Reading read() {
        return watchdog.read(clock.nanoTime());
    }
}
