package dev.dreamnet.config.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.config.yaml.ConfigException;
import dev.dreamnet.core.breaker.CircuitBreakerConfig;
import dev.dreamnet.core.breaker.CircuitBreakerConfig.WindowType;
import dev.dreamnet.core.breaker.CircuitBreakerRegistry;
import dev.dreamnet.core.retry.Backoff;
import dev.dreamnet.core.retry.RetryAfterException;
import dev.dreamnet.core.retry.RetryConfig;
import dev.dreamnet.core.time.FakeClock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The {@code config/resilience.yaml} shipped at the root of the project loads, and says what its comments say. */
class ShippedResilienceFileTest {

    private static final Path SHIPPED = Path.of("..", "config", "resilience.yaml");
    private static ResilienceSettings settings;

    @BeforeAll
    static void load() throws ConfigException {
        settings = ResilienceFile.load(SHIPPED);
    }

    @Test
    void configuresTheDatabaseTheProviderAndTheQueue() {
        assertThat(settings.services()).containsOnlyKeys("database", "provider", "queue");
    }

    @Test
    void theQueueTakesEveryDefault() {
        CircuitBreakerConfig breaker = settings.service("queue").breaker();
        assertThat(breaker.consecutiveFailures()).isEqualTo(5);
        assertThat(breaker.failureRateThreshold()).isEqualTo(50);
        assertThat(breaker.slowCallRateThreshold()).isEqualTo(100);
        assertThat(breaker.slowCallDuration()).isEqualTo(Duration.ofSeconds(2));
        assertThat(breaker.windowType()).isEqualTo(WindowType.COUNT_BASED);
        assertThat(breaker.windowSize()).isEqualTo(100);
        assertThat(breaker.minimumCalls()).isEqualTo(20);
        assertThat(breaker.resetTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(breaker.permittedCallsInHalfOpen()).isEqualTo(5);
        assertThat(breaker.halfOpenPermitTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(breaker.ignored()).containsExactly(IllegalArgumentException.class);
        RetryConfig retry = settings.service("queue").retry();
        assertThat(retry.maxAttempts()).isEqualTo(5);
        assertThat(retry.backoff()).isEqualTo(new Backoff(Duration.ofMillis(100), Duration.ofSeconds(3), Backoff.Jitter.FULL));
        assertThat(retry.budget()).isEqualTo(new RetryConfig.Budget(0.1, 5, Duration.ofSeconds(10)));
        assertThat(retry.retryOn().test(new RetryAfterException("busy", Duration.ofSeconds(1)))).isTrue();
        assertThat(retry.retryOn().test(new IllegalStateException())).isFalse();
        assertThat(settings.service("queue").timeout()).hasValue(Duration.ofSeconds(5));
    }

    @Test
    void theDatabaseRecoversFastCountsOutagesNotOneResetAndIsNotRetried() {
        ServiceSettings database = settings.service("database");
        assertThat(database.breaker().resetTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(database.breaker().consecutiveFailures()).isEqualTo(20);
        assertThat(database.breaker().windowType()).isEqualTo(WindowType.TIME_BASED);
        assertThat(database.breaker().windowSize()).isEqualTo(10);
        assertThat(database.breaker().minimumCalls()).isEqualTo(30);
        assertThat(database.breaker().failureRateThreshold()).isEqualTo(50);
        assertThat(database.retry().maxAttempts()).isEqualTo(1);
        assertThat(database.retry().backoff()).isEqualTo(settings.service("queue").retry().backoff());
        assertThat(database.timeout()).hasValue(Duration.ofSeconds(2));
    }

    @Test
    void theProviderIsSlowByNatureAndHasItsUrl() {
        ServiceSettings provider = settings.service("provider");
        assertThat(provider.breaker().slowCallDuration()).isEqualTo(Duration.ofSeconds(5));
        assertThat(provider.breaker().resetTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(provider.retry().maxAttempts()).isEqualTo(3);
        assertThat(provider.retry().retryOn().test(new IOException())).isTrue();
        assertThat(provider.timeout()).hasValue(Duration.ofSeconds(10));
        assertThat(provider.baseUrl()).as("no baseUrl: the built-in stub on the server's own port").isEmpty();
    }

    @Test
    void itsBreakersFillARegistry() {
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(settings.breakers(), new FakeClock());

        assertThat(registry.all()).hasSize(3);
        assertThat(registry.find("provider")).isPresent();
    }

    @Test
    void theProviderHedgesAfterP99ForAtMostFivePercentExtraCallsAndNothingElseHasOutboundGuards() {
        OutboundSettings provider = settings.service("provider").outbound();
        assertThat(provider.hedge()).contains(dev.dreamnet.core.overload.HedgeConfig.of(
                dev.dreamnet.core.overload.HedgeDelay.percentile(99), 0.05));
        assertThat(provider.bulkhead()).isEmpty();
        assertThat(provider.throttle()).isEmpty();
        assertThat(settings.service("database").outbound()).isEqualTo(OutboundSettings.NONE);
        assertThat(settings.service("queue").outbound()).isEqualTo(OutboundSettings.NONE);
    }
}
