package dev.dreamnet.core.overload;

import static dev.dreamnet.core.Allocations.allocatedBy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.core.time.FakeClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The per-call work of the outbound guards allocates nothing: bulkhead, throttle, hedge budget. */
class OutboundHotPathAllocationTest {

    private static final int CALLS = 100_000;
    private static final long SLACK_BYTES = 16 * 1024;

    @Test
    void bulkheadAdmittingReleasingAndRefusingAllocateNothing() {
        Bulkhead bulkhead = new Bulkhead("provider", 1);
        long allocated = allocatedBy(() -> {
            for (int i = 0; i < CALLS; i++) {
                bulkhead.tryAcquire();
                bulkhead.tryAcquire();
                bulkhead.release();
            }
        });
        assertThat(bulkhead.refused()).isGreaterThanOrEqualTo(CALLS);
        assertThat(allocated).isLessThan(SLACK_BYTES);
    }

    @Test
    void throttleDecidingAndCountingAllocateNothing() {
        FakeClock clock = new FakeClock();
        Duration step = Duration.ofMillis(1);
        AdaptiveThrottle throttle = new AdaptiveThrottle("provider", ThrottleConfig.ofDefaults(), clock, () -> 0.5);
        long allocated = allocatedBy(() -> {
            for (int i = 0; i < CALLS; i++) {
                if (throttle.tryAcquire() && i % 10 == 0) {
                    throttle.onAccepted();
                }
                clock.advance(step);
            }
        });
        assertThat(throttle.rejected()).as("some were shed").isPositive();
        assertThat(allocated).isLessThan(SLACK_BYTES);
    }

    @Test
    void hedgeBudgetAllocatesNothing() {
        HedgeBudget budget = new HedgeBudget(0.05, 10);
        long allocated = allocatedBy(() -> {
            for (int i = 0; i < CALLS; i++) {
                budget.onCall();
                budget.tryAcquire();
            }
        });
        assertThat(allocated).isLessThan(SLACK_BYTES);
    }
}
