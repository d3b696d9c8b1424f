package dev.dreamnet.core.watchdog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dreamnet.core.time.FakeClock;
import dev.dreamnet.core.time.ManualScheduler;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The scheduler runs ticks when told; the clock, moved separately, says how late they ran. */
class SchedulerLagWatchdogTest {

    private static final Duration INTERVAL = Duration.ofMillis(100);

    private final ManualScheduler scheduler = new ManualScheduler();
    private final FakeClock clock = new FakeClock();
    private final SchedulerLagWatchdog watchdog = SchedulerLagWatchdog.builder(scheduler, clock).build();

    @Test
    void beforeStartItIsOkAndSaysSo() {
        Reading reading = read();

        assertThat(reading.level()).isEqualTo(Level.OK);
        assertThat(reading.reason()).isEqualTo("scheduler lag probe not started");
    }

    @Test
    void startedWithoutTicksItIsOk() {
        watchdog.start();

        assertThat(read().reason()).isEqualTo("no timer ticks yet");
        assertThat(scheduler.pendingDelays()).containsExactly(INTERVAL);
    }

    @Test
    void onTimeTicksAreOk() {
        watchdog.start();
        ticks(50, Duration.ZERO);

        Reading reading = read();

        assertThat(reading.level()).isEqualTo(Level.OK);
        assertThat(reading.value()).isZero();
        assertThat(reading.detail()).containsExactly("50 ticks every 100 ms", "max 0 ms, p99 0 ms");
    }

    @Test
    void aTickTwoHundredFiftyMillisecondsLateIsWarn() {
        watchdog.start();
        ticks(10, Duration.ZERO);
        ticks(1, Duration.ofMillis(250));
        ticks(10, Duration.ZERO);

        Reading reading = read();

        assertThat(reading.level()).isEqualTo(Level.WARN);
        assertThat(reading.value()).isEqualTo(250.0);
        assertThat(reading.reason()).isEqualTo("timer ran up to 250 ms late in the last 60 s (crit at 1000 ms)");
    }

    @Test
    void aTickASecondLateIsCrit() {
        watchdog.start();
        ticks(1, Duration.ofSeconds(1));

        assertThat(read().level()).isEqualTo(Level.CRIT);
    }

    @Test
    void justUnderTwoHundredMillisecondsIsOk() {
        watchdog.start();
        ticks(1, Duration.ofMillis(199));

        assertThat(read().level()).isEqualTo(Level.OK);
    }

    @Test
    void aStarvedTimerShowsWhileItIsStillStarved() {
        watchdog.start();
        ticks(5, Duration.ZERO);
        clock.advance(Duration.ofMillis(1_500));

        Reading reading = read();

        assertThat(reading.level()).isEqualTo(Level.CRIT);
        assertThat(reading.value()).isEqualTo(1_400.0);
        assertThat(reading.detail()).contains("next tick overdue by 1400 ms");
    }

    @Test
    void lateTicksLeaveTheWindowAfterOneMinute() {
        watchdog.start();
        ticks(1, Duration.ofMillis(500));
        ticks(599, Duration.ZERO);
        assertThat(read().level()).as("late tick 59.9 s ago").isEqualTo(Level.WARN);

        ticks(2, Duration.ZERO);

        assertThat(read().level()).as("late tick 60.1 s ago").isEqualTo(Level.OK);
    }

    @Test
    void p99IgnoresTheSingleWorstTickOfAHundredAndFifty() {
        watchdog.start();
        ticks(1, Duration.ofMillis(900));
        ticks(149, Duration.ofMillis(10));

        assertThat(read().detail()).contains("max 900 ms, p99 10 ms");
    }

    @Test
    void closeCancelsThePendingTick() {
        watchdog.start();
        ticks(3, Duration.ZERO);

        watchdog.close();

        assertThat(scheduler.pendingTasks()).isZero();
        assertThat(read().detail()).contains("3 ticks every 100 ms");
    }

    @Test
    void aWindowShorterThanTheIntervalIsRefusedByName() {
        assertThatThrownBy(() -> SchedulerLagWatchdog.builder(scheduler, clock)
                .interval(Duration.ofSeconds(2)).window(Duration.ofSeconds(1)).build())
                .hasMessage("scheduler-lag.window (PT1S) must hold between 1 and 100000 ticks of "
                        + "scheduler-lag.interval (PT2S), holds 0");
    }

    /** Runs {@code count} ticks, each {@code late} after its due time. */
    private void ticks(int count, Duration late) {
        for (int i = 0; i < count; i++) {
            clock.advance(INTERVAL.plus(late));
            scheduler.advance(INTERVAL);
        }
    }

    private Reading read() {
        return watchdog.read(clock.nanoTime());
    }
}
