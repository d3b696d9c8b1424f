package dev.dreamnet.reference.http;

import dev.dreamnet.javalin.DreamNetPlugin;
import dev.dreamnet.runtime.DreamNet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.core.breaker.CallNotPermittedException;
import dev.dreamnet.core.breaker.CircuitBreaker;
import dev.dreamnet.core.time.FakeClock;
import dev.dreamnet.core.time.ManualScheduler;
import dev.dreamnet.reference.support.Http;
import dev.dreamnet.reference.support.Reply;
import io.javalin.Javalin;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An open breaker's {@code Retry-After} counts down on the clock the server runs on, the clock its
 * breakers date their next attempt with; a Javalin app with the
 * plugin on port 0, its runtime on a fake clock moved by the test.
 */
class BreakerRetryAfterClockTest {

    private final FakeClock clock = new FakeClock();
    private Instant nextAttemptAt;
    private DreamNet dreamnet;
    private Javalin app;

    @BeforeEach
    void start() throws Exception {
        nextAttemptAt = Instant.ofEpochMilli(clock.wallMillis()).plus(Duration.ofSeconds(10));
        dreamnet = DreamNet.builder().clock(clock).scheduler(new ManualScheduler()).environment(Map.of())
                .database("jdbc:h2:mem:breaker-retry-after").build();
        app = Javalin.create(config -> {
            config.registerPlugin(new DreamNetPlugin(dreamnet));
            config.routes.get("/api/observability/open-breaker", ctx -> {
                throw new CallNotPermittedException("provider", CircuitBreaker.State.OPEN, nextAttemptAt);
            });
        });
        app.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        dreamnet.shutdown();
        app.stop();
    }

    /** Regression: Retry-After was counted from Instant.now(), not from the injected clock the breaker used. */
    @Test
    void retryAfterCountsDownAsTheInjectedClockMoves() {
        Http http = new Http(app.port());

        Reply open = http.get("/api/observability/open-breaker");
        assertThat(open.status()).isEqualTo(503);
        assertThat(open.json().path("error").asText()).isEqualTo("provider unavailable");
        assertThat(open.header("Retry-After")).isEqualTo("11");

        clock.advance(Duration.ofSeconds(7));
        assertThat(http.get("/api/observability/open-breaker").header("Retry-After")).isEqualTo("4");

        clock.advance(Duration.ofSeconds(30));
        assertThat(http.get("/api/observability/open-breaker").header("Retry-After")).as("never below 1").isEqualTo("1");
    }
}
