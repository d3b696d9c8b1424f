package dev.dreamnet.core.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryConfigTest {

    @Test
    void theSeedsDefaults() {
        RetryConfig config = RetryConfig.ofDefaults();

        assertThat(config.maxAttempts()).isEqualTo(5);
        assertThat(config.backoff()).isEqualTo(new Backoff(Duration.ofMillis(100), Duration.ofSeconds(3), Backoff.Jitter.FULL));
        assertThat(config.budget()).isEqualTo(new RetryConfig.Budget(0.1, 1, Duration.ofSeconds(10)));
        assertThat(config.retryOn().test(new SocketTimeoutException())).isTrue();
        assertThat(config.retryOn().test(new IllegalStateException())).isFalse();
    }

    @Test
    void retryOnTypesReplacesTheDefault() {
        RetryConfig config = RetryConfig.builder().retryOn(IllegalStateException.class).build();

        assertThat(config.retryOn().test(new IllegalStateException())).isTrue();
        assertThat(config.retryOn().test(new IOException())).isFalse();
    }

    @Test
    void buildNamesTheSettingAndItsValue() {
        assertThatThrownBy(() -> RetryConfig.builder().maxAttempts(0).build())
                .hasMessage("maxAttempts must be between 1 and 100, was 0");
        assertThatThrownBy(() -> new RetryConfig.Budget(1.5, 1, Duration.ofSeconds(10)))
                .hasMessage("budget ratio must be between 0 and 1, was 1.5");
        assertThatThrownBy(() -> new RetryConfig.Budget(0.1, 1, Duration.ofMillis(500)))
                .hasMessage("budget window must be whole seconds between 1s and 1h, was PT0.5S");
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(3), Backoff.Jitter.FULL))
                .hasMessage("base must be > 0, was PT0S");
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofMillis(10), Backoff.Jitter.FULL))
                .hasMessage("cap must be >= base (PT1S), was PT0.01S");
        assertThatThrownBy(() -> Backoff.exponential().delay(0, null))
                .hasMessage("attempt must be >= 1, was 0");
    }
}
