package dev.dreamnet.core.overload;

import static dev.dreamnet.core.Allocations.allocatedBy;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Admitting, reporting and refusing allocate nothing (a regression guard for the JMH figures). */
class LimiterHotPathAllocationTest {

    private static final int CALLS = 100_000;
    /** {@code values()} copies its array on every call. */
    private static final Criticality[] CLASSES = Criticality.values();
    /** Room for the measuring and a few closed windows (a new admission table each); one object per call would be 1.6 MB. */
    private static final long SLACK_BYTES = 16 * 1024;

    private long now;

    @Test
    void acquiringAndReportingAllocatesNothing() {
        ConcurrencyLimiter limiter = ConcurrencyLimiter.ofDefaults();

        long allocated = allocatedBy(() -> {
            for (int i = 0; i < CALLS; i++) {
                if (limiter.tryAcquire(Criticality.DEFAULT)) {
                    now += 10_000;
                    limiter.onSuccess(now, 5_000);
                }
            }
        });

        assertThat(limiter.inflight()).isZero();
        assertThat(limiter.snapshot().lastRttNanos()).as("windows closed meanwhile").isEqualTo(5_000);
        assertThat(allocated).isLessThan(SLACK_BYTES);
    }

    @Test
    void refusingAllocatesNothing() {
        ConcurrencyLimiter limiter = ConcurrencyLimiter.ofDefaults();
        while (limiter.tryAcquire(Criticality.CRITICAL)) {
            now++;
        }

        long allocated = allocatedBy(() -> {
            for (int i = 0; i < CALLS; i++) {
                limiter.tryAcquire(CLASSES[i % 3]);
            }
        });

        assertThat(limiter.snapshot().refused().get(Criticality.SHEDDABLE)).isGreaterThanOrEqualTo(CALLS / 3);
        assertThat(allocated).isLessThan(SLACK_BYTES);
    }
}
