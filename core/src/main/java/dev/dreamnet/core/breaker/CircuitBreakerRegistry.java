package dev.dreamnet.core.breaker;

import dev.dreamnet.core.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One circuit breaker per downstream, all configured in one place. The set of breakers is fixed
 * when the registry is built, so lookups need no lock. Immutable and thread-safe.
 */
public final class CircuitBreakerRegistry {

    private final Map<String, CircuitBreaker> breakers;

    private CircuitBreakerRegistry(Map<String, CircuitBreaker> breakers) {
        this.breakers = Collections.unmodifiableMap(breakers);
    }

    /** A breaker for each entry of {@code configs}, in the map's iteration order, on {@code clock}. */
    public static CircuitBreakerRegistry of(Map<String, CircuitBreakerConfig> configs, Clock clock) {
        Builder builder = builder().clock(clock);
        configs.forEach(builder::add);
        return builder.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The breaker for {@code name}.
     *
     * @throws IllegalArgumentException naming the known breakers, if there is none by that name
     */
    public CircuitBreaker get(String name) {
        CircuitBreaker breaker = breakers.get(name);
        if (breaker == null) {
            throw new IllegalArgumentException("no circuit breaker named \"" + name + "\"; known: "
                    + String.join(", ", breakers.keySet()));
        }
        return breaker;
    }

    public Optional<CircuitBreaker> find(String name) {
        return Optional.ofNullable(breakers.get(name));
    }

    /** Every breaker, in the order they were added. */
    public Collection<CircuitBreaker> all() {
        return breakers.values();
    }

    /** Builds a {@link CircuitBreakerRegistry}; not thread-safe, use it from one thread. */
    public static final class Builder {
        private final Map<String, CircuitBreakerConfig> configs = new LinkedHashMap<>();
        private final List<TransitionListener> listeners = new ArrayList<>();
        private Clock clock = Clock.system();

        private Builder() {
        }

        /** Adds a breaker; a name may be added once. */
        public Builder add(String name, CircuitBreakerConfig config) {
            Objects.requireNonNull(config, "config of circuit breaker \"" + name + "\" must not be null");
            if (configs.putIfAbsent(name, config) != null) {
                throw new IllegalArgumentException("circuit breaker \"" + name + "\" is added twice");
            }
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock must not be null");
            return this;
        }

        /** A listener for every breaker of the registry, for audit logs and metrics. */
        public Builder listener(TransitionListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener must not be null"));
            return this;
        }

        public CircuitBreakerRegistry build() {
            Map<String, CircuitBreaker> breakers = new LinkedHashMap<>();
            configs.forEach((name, config) -> {
                CircuitBreaker.Builder breaker = CircuitBreaker.builder(name).config(config).clock(clock);
                listeners.forEach(breaker::listener);
                breakers.put(name, breaker.build());
            });
            return new CircuitBreakerRegistry(breakers);
        }
    }
}
