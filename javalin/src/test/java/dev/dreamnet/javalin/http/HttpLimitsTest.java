package dev.dreamnet.javalin.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpLimitsTest {

    private static final long MIB = 1024 * 1024;

    @Test
    void theDefaultHeapOf128MiBAdmitsSixteenRequestsOnFortyWorkers() {
        HttpLimits limits = HttpLimits.forHeap(128 * MIB);

        assertThat(limits.maxInFlight()).isEqualTo(16);
        assertThat(limits.maxThreads()).isEqualTo(40);
        assertThat(limits.readTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void theInFlightLimitFollowsTheHeapWithinBounds() {
        assertThat(HttpLimits.forHeap(16 * MIB).maxInFlight()).isEqualTo(4);
        assertThat(HttpLimits.forHeap(1024 * MIB).maxInFlight()).isEqualTo(128);
        assertThat(HttpLimits.forHeap(64 * 1024 * MIB).maxInFlight()).isEqualTo(256);
    }

    @Test
    void tooFewThreadsForTheLimitIsRefusedNamingBoth() {
        assertThatThrownBy(() -> HttpLimits.builder().maxInFlight(20).maxThreads(10).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxThreads must be at least maxInFlight + 8 (28)").hasMessageContaining("was 10");
    }

    @Test
    void aZeroReadTimeoutIsRefused() {
        assertThatThrownBy(() -> HttpLimits.builder().readTimeout(Duration.ZERO).build())
                .hasMessage("readTimeout must be > 0, was PT0S");
    }
}
