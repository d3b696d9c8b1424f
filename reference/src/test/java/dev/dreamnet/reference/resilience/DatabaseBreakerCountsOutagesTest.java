package dev.dreamnet.reference.resilience;

import dev.dreamnet.runtime.resilience.Downstreams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dreamnet.config.resilience.ResilienceFile;
import dev.dreamnet.config.resilience.ResilienceSettings;
import dev.dreamnet.core.breaker.CircuitBreaker;
import dev.dreamnet.core.time.FakeClock;
import dev.dreamnet.runtime.kinds.DatabaseComponent;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Regression: the database breaker opened after 5 failures in a row, so one reset of the pool (every
 * pooled connection terminated at once, each failing one call before it is evicted) refused every
 * database call with 503 for 10 s while fresh connections worked. It must count outages, not resets,
 * in the shipped {@code config/resilience.yaml} and in the built-in defaults alike.
 */
class DatabaseBreakerCountsOutagesTest {

    private static final SQLException TERMINATED =
            new SQLException("FATAL: terminating connection due to administrator command", "57P01");

    private final FakeClock clock = new FakeClock();

    @ParameterizedTest
    @ValueSource(strings = {"shipped", "defaults"})
    void everyPooledConnectionFailingOnceDoesNotOpenTheDatabaseBreaker(String settings) throws Exception {
        Downstreams downstreams = downstreams(settings);
        calls(downstreams, 5, true);

        calls(downstreams, DatabaseComponent.POOL_SIZE, false);
        calls(downstreams, 20, true);

        assertThat(downstreams.breaker(Downstreams.DATABASE).state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"shipped", "defaults"})
    void anOutageWhereFreshConnectionsFailTooOpensIt(String settings) throws Exception {
        Downstreams downstreams = downstreams(settings);
        calls(downstreams, 5, true);

        calls(downstreams, 2 * DatabaseComponent.POOL_SIZE, false);

        assertThat(downstreams.breaker(Downstreams.DATABASE).state()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    private Downstreams downstreams(String settings) throws Exception {
        ResilienceSettings resilience = settings.equals("shipped")
                ? ResilienceFile.load(Path.of("../config/resilience.yaml")) : Downstreams.defaults();
        return new Downstreams(resilience, clock, clock::advance, transition -> { });
    }

    private void calls(Downstreams downstreams, int count, boolean succeed) throws Exception {
        for (int i = 0; i < count; i++) {
            clock.advance(Duration.ofMillis(50));
            if (succeed) {
                assertThat(downstreams.call(Downstreams.DATABASE, () -> "ok")).isEqualTo("ok");
            } else {
                assertThatThrownBy(() -> downstreams.call(Downstreams.DATABASE, () -> {
                    throw TERMINATED;
                })).isSameAs(TERMINATED);
            }
        }
    }
}
