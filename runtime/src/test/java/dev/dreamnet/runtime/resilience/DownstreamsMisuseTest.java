package dev.dreamnet.runtime.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dreamnet.config.resilience.ResilienceSettings;
import dev.dreamnet.config.resilience.ServiceSettings;
import dev.dreamnet.core.breaker.CircuitBreaker;
import dev.dreamnet.core.breaker.CircuitBreakerConfig;
import dev.dreamnet.core.retry.RetryConfig;
import dev.dreamnet.core.time.ManualScheduler;
import dev.dreamnet.core.time.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** A caller's mistake is refused before the breaker: it is not the downstream's failure. */
class DownstreamsMisuseTest {

    private final ManualScheduler time = new ManualScheduler();
    private final Downstreams downstreams = new Downstreams(ResilienceSettings.of(List.of(new ServiceSettings("pricing",
            CircuitBreakerConfig.builder().consecutiveFailures(3).build(), RetryConfig.builder().maxAttempts(1).build(),
            Optional.of(Duration.ofSeconds(2)), Optional.empty()))), time, Sleeper.system(), t -> { });

    @Test
    void aNullCallIsRefusedNamingItAndTheBreakerCountsNothing() {
        // The NullPointerException came from inside the retry, counted as pricing's failure: three opened its breaker.
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> downstreams.call("pricing", (Callable<Object>) null))
                    .isInstanceOf(NullPointerException.class).hasMessage("callable");
        }
        assertThatThrownBy(() -> downstreams.callWithin("pricing", null)).hasMessage("call");
        assertThatThrownBy(() -> downstreams.hedged("pricing", null)).hasMessage("call");

        assertThat(downstreams.breaker("pricing").state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(downstreams.breaker("pricing").snapshot().calls()).isZero();
    }

    @Test
    void aNullServiceIsRefusedNamingIt() {
        assertThatThrownBy(() -> downstreams.call(null, () -> 1)).isInstanceOf(NullPointerException.class)
                .hasMessage("service");
    }

    @Test
    void anUnknownServiceIsRefusedListingTheConfiguredOnes() {
        assertThatThrownBy(() -> downstreams.call("pricnig", () -> 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"pricnig\"").hasMessageContaining("configured: pricing");
    }
}
