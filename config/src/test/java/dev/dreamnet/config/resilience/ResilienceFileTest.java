package dev.dreamnet.config.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dreamnet.config.yaml.ConfigException;
import dev.dreamnet.core.breaker.CircuitBreakerConfig;
import dev.dreamnet.core.breaker.CircuitBreakerConfig.WindowType;
import dev.dreamnet.core.retry.Backoff;
import dev.dreamnet.core.retry.RetryConfig;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ResilienceFileTest {

    /** Set by {@link Tripwire}'s static initialiser; kept outside it, so that reading it runs none of its code. */
    private static final AtomicBoolean TRIPPED = new AtomicBoolean();

    private static final String DEFAULTS = """
            defaults:
              breaker:
                consecutiveFailures: 7
                resetTimeout: 20s
                window: {type: count, size: 50}
              retry:
                maxAttempts: 4
                backoff: {initial: 200ms, max: 2s, jitter: equal}
                budget: {ratio: 0.2, minPerSecond: 3, window: 20s}
              timeout: 3s
            """;

    @Test
    void aServiceOverridesTheDefaultsFieldByField() throws ConfigException {
        ResilienceSettings settings = parse(DEFAULTS + """
                services:
                  db:
                    breaker: {resetTimeout: 5s}
                    retry: {backoff: {max: 10s}, budget: {ratio: 0.5}}
                """);

        CircuitBreakerConfig breaker = settings.service("db").breaker();
        assertThat(breaker.resetTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(breaker.consecutiveFailures()).isEqualTo(7);
        assertThat(breaker.windowSize()).isEqualTo(50);
        RetryConfig retry = settings.service("db").retry();
        assertThat(retry.maxAttempts()).isEqualTo(4);
        assertThat(retry.backoff()).isEqualTo(new Backoff(Duration.ofMillis(200), Duration.ofSeconds(10), Backoff.Jitter.EQUAL));
        assertThat(retry.budget()).isEqualTo(new RetryConfig.Budget(0.5, 3, Duration.ofSeconds(20)));
        assertThat(settings.service("db").timeout()).hasValue(Duration.ofSeconds(3));
    }

    @Test
    void aServiceWindowReplacesTheDefaultWindowWhole() throws ConfigException {
        ResilienceSettings settings = parse(DEFAULTS + "services:\n  db: {breaker: {window: {type: time, size: 60s}}}\n");

        CircuitBreakerConfig breaker = settings.service("db").breaker();
        assertThat(breaker.windowType()).isEqualTo(WindowType.TIME_BASED);
        assertThat(breaker.windowSize()).isEqualTo(60);
    }

    @Test
    void withoutDefaultsEverySettingIsTheLibrarys() throws ConfigException {
        ResilienceSettings settings = parse("services:\n  queue:\n");

        CircuitBreakerConfig breaker = settings.service("queue").breaker();
        CircuitBreakerConfig library = CircuitBreakerConfig.ofDefaults();
        assertThat(breaker).usingRecursiveComparison().ignoringFields("recordFailure").isEqualTo(library);
        RetryConfig retry = settings.service("queue").retry();
        assertThat(retry.maxAttempts()).isEqualTo(RetryConfig.ofDefaults().maxAttempts());
        assertThat(retry.backoff()).isEqualTo(Backoff.exponential());
        assertThat(retry.budget()).isEqualTo(RetryConfig.Budget.ofDefaults());
        assertThat(retry.retryOn().test(new IOException())).isTrue();
        assertThat(settings.service("queue").timeout()).isEmpty();
        assertThat(settings.service("queue").baseUrl()).isEmpty();
    }

    @Test
    void exceptionClassesDecideWhatIsAFailureAndWhatIsRetried() throws ConfigException {
        ResilienceSettings settings = parse("""
                services:
                  provider:
                    breaker:
                      recordExceptions: [java.io.IOException, java.util.concurrent.TimeoutException]
                      ignoreExceptions: [java.lang.IllegalArgumentException]
                    retry:
                      retryOn: [java.io.UncheckedIOException]
                """);

        CircuitBreakerConfig breaker = settings.service("provider").breaker();
        assertThat(breaker.recordFailure().test(new FileNotFoundException())).isTrue();
        assertThat(breaker.recordFailure().test(new TimeoutException())).isTrue();
        assertThat(breaker.recordFailure().test(new IllegalStateException())).isFalse();
        assertThat(breaker.ignored()).containsExactly(IllegalArgumentException.class);
        RetryConfig retry = settings.service("provider").retry();
        assertThat(retry.retryOn().test(new UncheckedIOException(new IOException()))).isTrue();
        assertThat(retry.retryOn().test(new IOException())).isFalse();
    }

    @Test
    void loadingAnExceptionClassRunsNoneOfItsCode() throws ConfigException {
        ResilienceSettings settings =
                parse("services:\n  db: {breaker: {ignoreExceptions: [" + Tripwire.class.getName() + "]}}\n");

        assertThat(settings.service("db").breaker().ignored()).containsExactly(Tripwire.class);
        assertThat(TRIPPED).isFalse();
    }

    @Test
    void keepsTheServicesInFileOrderWithTheirUrls() throws ConfigException {
        ResilienceSettings settings = parse("""
                services:
                  queue: {}
                  provider: {baseUrl: "https://provider.example:8443/v1", timeout: 10s}
                  database: {}
                """);

        assertThat(settings.services()).containsOnlyKeys("queue", "provider", "database");
        assertThat(List.copyOf(settings.breakers().keySet())).containsExactly("queue", "provider", "database");
        assertThat(List.copyOf(settings.retries().keySet())).containsExactly("queue", "provider", "database");
        assertThat(settings.service("provider").baseUrl()).hasValue(URI.create("https://provider.example:8443/v1"));
        assertThat(settings.service("provider").timeout()).hasValue(Duration.ofSeconds(10));
    }

    @Test
    void askingForAnUnknownServiceNamesTheKnownOnes() throws ConfigException {
        ResilienceSettings settings = parse("services: {database: {}, queue: {}}\n");

        assertThatThrownBy(() -> settings.service("provider")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no service named \"provider\" in the resilience settings; known: database, queue");
    }

    /** A misspelt downstream ("provder:") was accepted, leaving "provider" unconfigured until a call needed it. */
    @Test
    void aCallerNamingItsDownstreamsGetsAnUnknownNameRefusedAtItsLineWithADidYouMean() {
        String yaml = "services:\n  database: {}\n  queue: {}\n  provder:\n    timeout: 10s\n  nosuch: {}\n";

        assertThatThrownBy(() -> ResilienceFile.parse("r.yaml", yaml, List.of("database", "provider", "queue")))
                .isInstanceOf(ConfigException.class).hasMessage(String.join("\n",
                        "r.yaml:4: services.provder: unknown downstream \"provder\" (did you mean \"provider\"?)",
                        "r.yaml:6: services.nosuch: unknown downstream \"nosuch\" (known: database, provider, queue)"));
    }

    @Test
    void aDownstreamTheFileDoesNotNameTakesTheDefaults() throws ConfigException {
        ResilienceSettings settings = ResilienceFile.parse("r.yaml", DEFAULTS + "services: {queue: {}}\n",
                List.of("database", "queue"));

        assertThat(settings.services()).containsOnlyKeys("database", "queue");
        assertThat(settings.service("database").retry().maxAttempts()).isEqualTo(4);
        assertThat(settings.service("database").timeout()).hasValue(Duration.ofSeconds(3));
    }

    @Test
    void settingsAreImmutable() throws ConfigException {
        ResilienceSettings settings = parse("services: {database: {}}\n");

        assertThatThrownBy(() -> settings.services().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> settings.breakers().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    private static ResilienceSettings parse(String yaml) throws ConfigException {
        return ResilienceFile.parse("r.yaml", yaml);
    }

    /** An exception whose static initialiser would show that loading it ran its code. */
    static final class Tripwire extends RuntimeException {
        private static final long serialVersionUID = 1L;

        static {
            TRIPPED.set(true);
        }
    }
}
