package dev.dreamnet.config.resilience;

import dev.dreamnet.core.breaker.CircuitBreakerConfig;
import dev.dreamnet.core.retry.RetryConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How calls to one downstream service are protected: its circuit breaker, its retries, how long
 * one call may take and where the service is, when the file says, and its outbound overload guards. Immutable and thread-safe.
 *
 * @param name    the service, as named under {@code services}
 * @param breaker its circuit breaker
 * @param retry   its retries
 * @param timeout how long one call may take, if set
 * @param baseUrl where an HTTP service is, if set
 * @param outbound its bulkhead, adaptive throttling and hedging, each off unless set
 */
public record ServiceSettings(String name, CircuitBreakerConfig breaker, RetryConfig retry,
                              Optional<Duration> timeout, Optional<URI> baseUrl, OutboundSettings outbound) {

    /** Settings with no outbound guards ({@link OutboundSettings#NONE}). */
    public ServiceSettings(String name, CircuitBreakerConfig breaker, RetryConfig retry, Optional<Duration> timeout,
                           Optional<URI> baseUrl) {
        this(name, breaker, retry, timeout, baseUrl, OutboundSettings.NONE);
    }

    public ServiceSettings {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(breaker, "breaker must not be null");
        Objects.requireNonNull(retry, "retry must not be null");
        Objects.requireNonNull(timeout, "timeout must not be null; use Optional.empty()");
        Objects.requireNonNull(baseUrl, "baseUrl must not be null; use Optional.empty()");
        Objects.requireNonNull(outbound, "outbound must not be null; use OutboundSettings.NONE");
    }
}
