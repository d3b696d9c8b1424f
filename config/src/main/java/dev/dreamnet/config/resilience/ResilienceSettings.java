package dev.dreamnet.config.resilience;

import dev.dreamnet.core.breaker.CircuitBreakerConfig;
import dev.dreamnet.core.retry.RetryConfig;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The breaker and retry settings of every downstream service, as read from
 * {@code config/resilience.yaml}, in file order. Immutable and thread-safe.
 */
public final class ResilienceSettings {

    private final Map<String, ServiceSettings> services;

    private ResilienceSettings(Map<String, ServiceSettings> services) {
        this.services = Collections.unmodifiableMap(services);
    }

    /**
     * Settings for {@code services}, in that order.
     *
     * @throws IllegalArgumentException if two have the same name
     */
    public static ResilienceSettings of(List<ServiceSettings> services) {
        Map<String, ServiceSettings> byName = new LinkedHashMap<>();
        for (ServiceSettings service : services) {
            if (byName.putIfAbsent(service.name(), service) != null) {
                throw new IllegalArgumentException("service \"" + service.name() + "\" is listed twice");
            }
        }
        return new ResilienceSettings(byName);
    }

    /** Every service, by name. */
    public Map<String, ServiceSettings> services() {
        return services;
    }

    /** The breaker of every service, by name: what {@code CircuitBreakerRegistry.of} takes. */
    public Map<String, CircuitBreakerConfig> breakers() {
        Map<String, CircuitBreakerConfig> breakers = new LinkedHashMap<>();
        services.forEach((name, service) -> breakers.put(name, service.breaker()));
        return Collections.unmodifiableMap(breakers);
    }

    /** The retry settings of every service, by name. */
    public Map<String, RetryConfig> retries() {
        Map<String, RetryConfig> retries = new LinkedHashMap<>();
        services.forEach((name, service) -> retries.put(name, service.retry()));
        return Collections.unmodifiableMap(retries);
    }

    /**
     * The settings of {@code name}.
     *
     * @throws IllegalArgumentException naming the known services, if there is none by that name
     */
    public ServiceSettings service(String name) {
        ServiceSettings service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("no service named \"" + name + "\" in the resilience settings; known: "
                    + String.join(", ", services.keySet()));
        }
        return service;
    }
}
