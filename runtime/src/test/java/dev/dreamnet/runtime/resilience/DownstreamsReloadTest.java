package dev.dreamnet.runtime.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dreamnet.config.resilience.ResilienceSettings;
import dev.dreamnet.config.resilience.ServiceSettings;
import dev.dreamnet.core.breaker.CallNotPermittedException;
import dev.dreamnet.core.breaker.CircuitBreaker;
import dev.dreamnet.core.breaker.CircuitBreakerConfig;
import dev.dreamnet.core.retry.RetryConfig;
import dev.dreamnet.core.time.ManualScheduler;
import dev.dreamnet.core.time.Sleeper;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** {@link Downstreams#reload}: new settings for the same downstreams take effect on the next call, without a restart. */
class DownstreamsReloadTest {

    private final ManualScheduler time = new ManualScheduler();
    private final List<String> transitions = new CopyOnWriteArrayList<>();
    private final Downstreams downstreams = new Downstreams(settings(5, Duration.ofSeconds(3)), time, Sleeper.system(),
            t -> transitions.add(t.name() + " " + t.to()));

    private static ResilienceSettings settings(int providerFailures, Duration providerTimeout) {
        return ResilienceSettings.of(List.of(
                service("provider", providerFailures, providerTimeout),
                service("database", 20, Duration.ofSeconds(2))));
    }

    private static ServiceSettings service(String name, int consecutiveFailures, Duration timeout) {
        return new ServiceSettings(name, CircuitBreakerConfig.builder().consecutiveFailures(consecutiveFailures).build(),
                RetryConfig.builder().maxAttempts(1).build(), Optional.of(timeout), Optional.empty());
    }

    private void fail(String service, int times) {
        for (int i = 0; i < times; i++) {
            try {
                downstreams.call(service, () -> {
                    throw new IOException("refused");
                });
            } catch (Exception expected) {
                // counted by the breaker
            }
        }
    }

    @Test
    void theBreakersBuiltAtFirstUseKeepTheSettingsNamesAndListener() {
        assertThat(downstreams.names()).containsExactly("provider", "database");
        assertThat(downstreams.timeout("provider")).isEqualTo(Duration.ofSeconds(3));
        assertThatThrownBy(() -> downstreams.call("payments", () -> "never called"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("configured: provider, database");

        fail("provider", 5);

        assertThat(transitions).containsExactly("provider OPEN");
        assertThat(downstreams.breakers()).extracting(CircuitBreaker::name).containsExactly("provider", "database");
    }

    @Test
    void aLowerThresholdAfterReloadOpensTheBreakerSooner() {
        fail("provider", 2);
        assertThat(downstreams.breaker("provider").state()).isEqualTo(CircuitBreaker.State.CLOSED);

        downstreams.reload(settings(2, Duration.ofSeconds(3)));
        fail("provider", 2);

        assertThat(downstreams.breaker("provider").state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(downstreams.breaker("provider").config().consecutiveFailures()).isEqualTo(2);
        assertThatThrownBy(() -> downstreams.call("provider", () -> "never called"))
                .isInstanceOf(CallNotPermittedException.class);
        assertThat(transitions).as("the new breaker reports to the same listener").contains("provider OPEN");
    }

    @Test
    void anUnchangedBreakerKeepsItsStateAcrossAReload() {
        fail("database", 20);
        assertThat(downstreams.breaker("database").state()).isEqualTo(CircuitBreaker.State.OPEN);

        downstreams.reload(settings(2, Duration.ofSeconds(3)));

        assertThat(downstreams.breaker("database").state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(downstreams.breakers()).extracting(CircuitBreaker::name).containsExactly("provider", "database");
    }

    @Test
    void timeoutsAndSettingsFollowTheReload() {
        downstreams.reload(settings(5, Duration.ofMillis(750)));

        assertThat(downstreams.timeout("provider")).isEqualTo(Duration.ofMillis(750));
        assertThat(downstreams.settings("provider").breaker().consecutiveFailures()).isEqualTo(5);
    }

    @Test
    void addingADownstreamIsRefusedAndChangesNothing() {
        ResilienceSettings more = ResilienceSettings.of(List.of(service("provider", 1, Duration.ofSeconds(1)),
                service("database", 20, Duration.ofSeconds(2)), service("payments", 3, Duration.ofSeconds(1))));

        assertThatThrownBy(() -> downstreams.reload(more)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("added: [payments]");
        assertThat(downstreams.breaker("provider").config().consecutiveFailures()).isEqualTo(5);
        assertThatThrownBy(() -> downstreams.retry("payments")).hasMessageContaining("no downstream service");
    }

    @Test
    void aNewBulkheadCapAppliesAfterReloadAndUnchangedGuardsKeepTheirCounts() throws Exception {
        ServiceSettings capped = withBulkhead(service("provider", 5, Duration.ofSeconds(3)), 1);
        downstreams.reload(ResilienceSettings.of(List.of(capped, service("database", 20, Duration.ofSeconds(2)))));
        java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch leave = new java.util.concurrent.CountDownLatch(1);
        Thread holder = new Thread(() -> {
            try {
                downstreams.call("provider", () -> {
                    inside.countDown();
                    return leave.await(10, java.util.concurrent.TimeUnit.SECONDS);
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        holder.start();
        inside.await(10, java.util.concurrent.TimeUnit.SECONDS);

        assertThatThrownBy(() -> downstreams.call("provider", () -> "second"))
                .isInstanceOf(dev.dreamnet.core.overload.BulkheadFullException.class);
        assertThat(downstreams.outbound().get("provider").bulkhead().refused()).isEqualTo(1);

        downstreams.reload(ResilienceSettings.of(List.of(capped, service("database", 30, Duration.ofSeconds(2)))));
        assertThat(downstreams.outbound().get("provider").bulkhead().refused()).as("unchanged: the same bulkhead")
                .isEqualTo(1);
        leave.countDown();
        holder.join(10_000);

        downstreams.reload(settings(5, Duration.ofSeconds(3)));
        assertThat(downstreams.outbound().get("provider").bulkhead()).as("removed by the reload").isNull();
        assertThat(downstreams.call("provider", () -> "free")).isEqualTo("free");
    }

    private static ServiceSettings withBulkhead(ServiceSettings service, int cap) {
        return new ServiceSettings(service.name(), service.breaker(), service.retry(), service.timeout(),
                service.baseUrl(), new dev.dreamnet.config.resilience.OutboundSettings(java.util.OptionalInt.of(cap),
                Optional.empty(), Optional.empty()));
    }
}
