package dev.dreamnet.core.watchdog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HeapAfterGcWatchdogTest {

    private final FakeJvmProbe probe = new FakeJvmProbe();
    private final HeapAfterGcWatchdog watchdog = HeapAfterGcWatchdog.ofDefaults(probe);

    @Test
    void belowEightyPercentIsOkAndNamesTheWarnThreshold() {
        probe.oldGenAfterGc(799, 1000);

        Reading reading = watchdog.read(0);

        assertThat(reading.level()).isEqualTo(Level.OK);
        assertThat(reading.value()).isEqualTo(79.9);
        assertThat(reading.unit()).isEqualTo("%");
        assertThat(reading.reason()).isEqualTo("heap after GC 79.9% of max (warn at 80%)");
    }

    @Test
    void eightyPercentIsWarn() {
        probe.oldGenAfterGc(800, 1000);

        assertThat(watchdog.read(0).level()).isEqualTo(Level.WARN);
    }

    @Test
    void ninetyOnePercentIsCritAndSaysSo() {
        probe.oldGenAfterGc(910, 1000);

        Reading reading = watchdog.read(0);

        assertThat(reading.level()).isEqualTo(Level.CRIT);
        assertThat(reading.reason()).isEqualTo("heap after GC 91% of max (crit at 90%)");
        assertThat(reading.thresholds()).isEqualTo(new Thresholds(80, 90));
    }

    @Test
    void withoutAnOldGenerationCollectionTheReasonSaysItJudgesHeapUsedNow() {
        probe.heap = new HeapUsage("heap", 500 * 1024 * 1024L, 1024 * 1024 * 1024L, false);

        Reading reading = watchdog.read(0);

        assertThat(reading.reason()).isEqualTo("heap used (no old-generation GC yet) 48.8% of max (warn at 80%)");
        assertThat(reading.detail()).containsExactly("heap: 500 MiB of 1024 MiB");
    }

    @Test
    void overriddenThresholdsApply() {
        probe.oldGenAfterGc(600, 1000);

        assertThat(HeapAfterGcWatchdog.of(probe, 50, 60).read(0).level()).isEqualTo(Level.CRIT);
    }

    @Test
    void invalidThresholdsNameTheSetting() {
        assertThatThrownBy(() -> HeapAfterGcWatchdog.of(probe, 95, 90))
                .hasMessage("heap-after-gc.thresholds: warn (95) must be <= crit (90)");
    }
}
