package dev.dreamnet.core.watchdog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dreamnet.core.time.FakeClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GcTimeShareWatchdogTest {

    private final FakeJvmProbe probe = new FakeJvmProbe();
    private final FakeClock clock = new FakeClock();
    private final GcTimeShareWatchdog watchdog = GcTimeShareWatchdog.ofDefaults(probe);

    @Test
    void firstReadingHasNoHistoryAndIsOk() {
        probe.gcPauseMillis = 123_456;

        Reading reading = read();

        assertThat(reading.level()).isEqualTo(Level.OK);
        assertThat(reading.value()).isZero();
        assertThat(reading.reason()).isEqualTo("no GC time share yet: 0 s of history, needs 5 s");
    }

    @Test
    void aPauseSoonAfterTheFirstReadingIsNotJudgedBeforeFiveSeconds() {
        read();
        probe.gcPauseMillis += 2_000;
        clock.advance(Duration.ofMillis(4_900));

        assertThat(read().level()).isEqualTo(Level.OK);
    }

    @Test
    void sharesTurnWarnAtTenAndCritAtTwentyFivePercentOfTheWindow() {
        assertThat(shareAfterOneMinute(5_999).level()).isEqualTo(Level.OK);
        assertThat(shareAfterOneMinute(6_000).level()).isEqualTo(Level.WARN);
        assertThat(shareAfterOneMinute(14_999).level()).isEqualTo(Level.WARN);
        assertThat(shareAfterOneMinute(15_000).level()).isEqualTo(Level.CRIT);
    }

    @Test
    void reasonGivesTheShareAndTheSpan() {
        Reading reading = shareAfterOneMinute(9_000);

        assertThat(reading.value()).isEqualTo(15.0);
        assertThat(reading.reason()).isEqualTo("GC paused the application 15% of the last 60 s (crit at 25%)");
        assertThat(reading.detail()).containsExactly("9000 ms of GC pauses in 60 s");
    }

    @Test
    void aBurstLeavesTheWindowOneMinuteLater() {
        read();
        clock.advance(Duration.ofSeconds(10));
        probe.gcPauseMillis += 8_000;
        readEverySecondFor(59);
        assertThat(read().level()).as("burst 59 s ago").isEqualTo(Level.WARN);

        readEverySecondFor(2);

        Reading reading = read();
        assertThat(reading.level()).as("burst 61 s ago").isEqualTo(Level.OK);
        assertThat(reading.value()).isZero();
    }

    @Test
    void aLongGapBetweenReadingsAveragesOverTheGap() {
        read();
        probe.gcPauseMillis += 30_000;
        clock.advance(Duration.ofMinutes(10));

        Reading reading = read();

        assertThat(reading.value()).isEqualTo(5.0);
        assertThat(reading.reason()).contains("of the last 600 s");
    }

    @Test
    void windowAndMinimumSpanAreValidatedByName() {
        assertThatThrownBy(() -> GcTimeShareWatchdog.builder(probe).window(Duration.ZERO))
                .hasMessage("gc-time-share.window must be > 0, was PT0S");
        assertThatThrownBy(() -> GcTimeShareWatchdog.builder(probe).window(Duration.ofSeconds(2)).build())
                .hasMessage("gc-time-share.minimumSpan (PT5S) must be <= gc-time-share.window (PT2S)");
        assertThatThrownBy(() -> GcTimeShareWatchdog.builder(probe).thresholds(30, 20))
                .hasMessage("gc-time-share.thresholds: warn (30) must be <= crit (20)");
    }

    private Reading shareAfterOneMinute(long pauseMillis) {
        GcTimeShareWatchdog fresh = GcTimeShareWatchdog.ofDefaults(probe);
        long start = clock.nanoTime();
        fresh.read(start);
        probe.gcPauseMillis += pauseMillis;
        return fresh.read(start + Duration.ofSeconds(60).toNanos());
    }

    private void readEverySecondFor(int seconds) {
        for (int i = 0; i < seconds; i++) {
            clock.advance(Duration.ofSeconds(1));
            read();
        }
    }

    private Reading read() {
        return watchdog.read(clock.nanoTime());
    }
}
