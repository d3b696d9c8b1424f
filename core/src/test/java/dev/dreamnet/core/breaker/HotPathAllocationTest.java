package dev.dreamnet.core.breaker;

import static dev.dreamnet.core.Allocations.allocatedBy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.core.time.FakeClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The success and rejection paths allocate nothing, whatever the window (a regression guard for the JMH figures). */
class HotPathAllocationTest {

    private static final int CALLS = 100_000;
    /** Room for the measuring itself; one object per call would be 1.6 MB. */
    private static final long SLACK_BYTES = 16 * 1024;

    private final FakeClock clock = new FakeClock();
    @Test
    void theSuccessPathAllocatesNothingWithACountWindow() {
        assertSuccessPathAllocatesNothing(CircuitBreakerConfig.builder().countWindow(100));
    }

    @Test
    void theSuccessPathAllocatesNothingWithATimeWindow() {
        assertSuccessPathAllocatesNothing(CircuitBreakerConfig.builder().timeWindow(Duration.ofSeconds(10)));
    }

    @Test
    void theRejectionPathAllocatesNothing() {
        CircuitBreaker breaker = CircuitBreaker.builder("reject").clock(clock).build();
        Calls.fail(breaker, 5);

        long allocated = allocatedBy(() -> Calls.succeed(breaker, CALLS));

        assertThat(breaker.snapshot().notPermittedCalls()).isGreaterThanOrEqualTo(CALLS);
        assertThat(allocated).isLessThan(SLACK_BYTES);
    }

    private void assertSuccessPathAllocatesNothing(CircuitBreakerConfig.Builder config) {
        CircuitBreaker breaker = CircuitBreaker.builder("success").clock(clock).config(config.build()).build();

        long allocated = allocatedBy(() -> Calls.succeed(breaker, CALLS));

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(allocated).isLessThan(SLACK_BYTES);
    }
}
