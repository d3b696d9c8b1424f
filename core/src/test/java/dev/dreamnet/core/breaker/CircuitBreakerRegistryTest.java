package dev.dreamnet.core.breaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dreamnet.core.time.FakeClock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CircuitBreakerRegistryTest {

    private final FakeClock clock = new FakeClock();

    @Test
    void oneBreakerPerDownstreamWithItsOwnConfig() {
        Map<String, CircuitBreakerConfig> configs = new LinkedHashMap<>();
        configs.put("database", CircuitBreakerConfig.builder().consecutiveFailures(3).build());
        configs.put("provider", CircuitBreakerConfig.ofDefaults());
        configs.put("queue", CircuitBreakerConfig.ofDefaults());

        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(configs, clock);

        assertThat(registry.all()).extracting(CircuitBreaker::name).containsExactly("database", "provider", "queue");
        assertThat(registry.get("database").config().consecutiveFailures()).isEqualTo(3);
        assertThat(registry.get("provider")).isSameAs(registry.get("provider"));
        assertThat(registry.find("cache")).isEmpty();
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(
                Map.of("database", CircuitBreakerConfig.ofDefaults()), clock);

        assertThatThrownBy(() -> registry.get("databse"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no circuit breaker named \"databse\"; known: database");
    }

    @Test
    void aRegistryListenerHearsEveryBreaker() {
        RecordingListener audit = new RecordingListener();
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.builder().clock(clock).listener(audit)
                .add("database", CircuitBreakerConfig.ofDefaults())
                .add("queue", CircuitBreakerConfig.ofDefaults())
                .build();

        registry.get("database").forceOpen("failover");
        registry.get("queue").forceClosed("known noisy");

        assertThat(audit.transitions()).extracting(StateTransition::name).containsExactly("database", "queue");
    }

    @Test
    void aNameIsAddedOnce() {
        CircuitBreakerRegistry.Builder builder = CircuitBreakerRegistry.builder()
                .add("database", CircuitBreakerConfig.ofDefaults());

        assertThatThrownBy(() -> builder.add("database", CircuitBreakerConfig.ofDefaults()))
                .hasMessage("circuit breaker \"database\" is added twice");
    }
}
