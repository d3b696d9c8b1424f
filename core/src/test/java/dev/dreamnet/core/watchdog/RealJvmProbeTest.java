package dev.dreamnet.core.watchdog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The MXBean-backed probe on this very JVM. */
class RealJvmProbeTest {

    private final JvmProbe probe = JvmProbe.system();

    @Test
    void heapHasAPositiveMaxAndUsageWithinIt() {
        HeapUsage heap = probe.heapAfterGc();

        assertThat(heap.maxBytes()).isPositive();
        assertThat(heap.usedBytes()).isBetween(0L, heap.maxBytes());
        assertThat(heap.source()).isNotBlank();
    }

    @Test
    void afterAFullCollectionTheOldPoolIsMeasuredAfterGc() {
        System.gc();

        HeapUsage heap = probe.heapAfterGc();

        assertThat(heap.afterGc()).as("measured after GC: %s", heap).isTrue();
        assertThat(heap.source()).isNotEqualTo("heap");
    }

    @Test
    void threadCountsArePositiveAndThePeakIsAtLeastTheCount() {
        int count = probe.threadCount();

        assertThat(count).isPositive();
        assertThat(probe.peakThreadCount()).isGreaterThanOrEqualTo(count);
    }

    @Test
    void gcPauseTimeNeverGoesBackwards() {
        long before = probe.gcPauseMillis();
        System.gc();

        assertThat(before).isNotNegative();
        assertThat(probe.gcPauseMillis()).isGreaterThanOrEqualTo(before);
    }
}
