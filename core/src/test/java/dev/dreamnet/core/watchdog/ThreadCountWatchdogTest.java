package dev.dreamnet.core.watchdog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThreadCountWatchdogTest {

    private final FakeJvmProbe probe = new FakeJvmProbe();
    private final ThreadCountWatchdog watchdog = ThreadCountWatchdog.ofDefaults(probe);

    @Test
    void levelsTurnAtFiveHundredAndTwoThousandThreads() {
        assertThat(levelAt(499)).isEqualTo(Level.OK);
        assertThat(levelAt(500)).isEqualTo(Level.WARN);
        assertThat(levelAt(1999)).isEqualTo(Level.WARN);
        assertThat(levelAt(2000)).isEqualTo(Level.CRIT);
    }

    @Test
    void reasonGivesTheCountAndThePeak() {
        probe.threads = 42;
        probe.peakThreads = 77;

        Reading reading = watchdog.read(0);

        assertThat(reading.reason()).isEqualTo("42 live threads, peak 77 (warn at 500)");
        assertThat(reading.value()).isEqualTo(42);
        assertThat(reading.detail()).containsExactly("peak 77");
    }

    @Test
    void overriddenThresholdsApply() {
        probe.threads = 60;

        assertThat(ThreadCountWatchdog.of(probe, 50, 100).read(0).level()).isEqualTo(Level.WARN);
    }

    private Level levelAt(int threads) {
        probe.threads = threads;
        return watchdog.read(0).level();
    }
}
