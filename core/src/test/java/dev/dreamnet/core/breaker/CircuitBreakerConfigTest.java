package dev.dreamnet.core.breaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class CircuitBreakerConfigTest {

    @Test
    void defaults() {
        CircuitBreakerConfig config = CircuitBreakerConfig.ofDefaults();

        assertThat(config.consecutiveFailures()).isEqualTo(5);
        assertThat(config.failureRateThreshold()).isEqualTo(50);
        assertThat(config.windowType()).isEqualTo(CircuitBreakerConfig.WindowType.COUNT_BASED);
        assertThat(config.windowSize()).isEqualTo(100);
        assertThat(config.minimumCalls()).isEqualTo(10);
        assertThat(config.resetTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.permittedCallsInHalfOpen()).isEqualTo(3);
        assertThat(config.ignored()).isEmpty();
    }

    @Test
    void buildNamesTheSettingAndItsValue() {
        assertRejected(b -> b.resetTimeout(Duration.ZERO), "resetTimeout must be > 0, was PT0S");
        assertRejected(b -> b.halfOpenPermitTimeout(Duration.ofSeconds(-1)), "halfOpenPermitTimeout must be > 0, was PT-1S");
        assertRejected(b -> b.slowCallDuration(Duration.ZERO), "slowCallDuration must be > 0, was PT0S");
        assertRejected(b -> b.consecutiveFailures(0), "consecutiveFailures must be >= 1, was 0");
        assertRejected(b -> b.minimumCalls(0), "minimumCalls must be >= 1, was 0");
        assertRejected(b -> b.failureRateThreshold(0), "failureRateThreshold must be > 0 and <= 100 (a percentage), was 0.0");
        assertRejected(b -> b.slowCallRateThreshold(101), "slowCallRateThreshold must be > 0 and <= 100 (a percentage), was 101.0");
        assertRejected(b -> b.countWindow(0), "windowSize must be between 1 and 1000000, was 0");
        assertRejected(b -> b.permittedCallsInHalfOpen(0), "permittedCallsInHalfOpen must be between 1 and 10000, was 0");
        assertRejected(b -> b.countWindow(20).minimumCalls(21),
                "minimumCalls must be <= windowSize (20) for a count window, was 21");
    }

    @Test
    void aTimeWindowIsWholeSeconds() {
        assertThatThrownBy(() -> CircuitBreakerConfig.builder().timeWindow(Duration.ofMillis(1500)))
                .hasMessage("timeWindow must be a whole number of seconds >= 1s, was PT1.5S");

        CircuitBreakerConfig config = CircuitBreakerConfig.builder().timeWindow(Duration.ofMinutes(1)).build();

        assertThat(config.windowType()).isEqualTo(CircuitBreakerConfig.WindowType.TIME_BASED);
        assertThat(config.windowSize()).isEqualTo(60);
    }

    @Test
    void aTimeWindowMayNeedMoreCallsThanItsSeconds() {
        CircuitBreakerConfig config = CircuitBreakerConfig.builder()
                .timeWindow(Duration.ofSeconds(10)).minimumCalls(500).build();

        assertThat(config.minimumCalls()).isEqualTo(500);
    }

    @Test
    void toBuilderKeepsEverySetting() {
        CircuitBreakerConfig config = CircuitBreakerConfig.builder().countWindow(50).minimumCalls(20)
                .ignore(InterruptedException.class).build();

        assertThat(config.toBuilder().build()).isEqualTo(config);
    }

    @Test
    void aBreakerNeedsAName() {
        assertThatThrownBy(() -> CircuitBreaker.builder(" ")).hasMessage("name must not be blank, was \" \"");
    }

    private static void assertRejected(UnaryOperator<CircuitBreakerConfig.Builder> setting, String message) {
        assertThatThrownBy(() -> setting.apply(CircuitBreakerConfig.builder()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }
}
