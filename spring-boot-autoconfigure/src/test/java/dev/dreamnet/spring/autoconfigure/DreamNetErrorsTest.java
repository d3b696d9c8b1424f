package dev.dreamnet.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.core.breaker.CallNotPermittedException;
import dev.dreamnet.core.breaker.CircuitBreaker;
import dev.dreamnet.core.time.FakeClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** An open breaker's 503 says when to come back: the seconds until it tries again, as its Javadoc and docs say. */
class DreamNetErrorsTest {

    private final FakeClock clock = new FakeClock();
    private final DreamNetErrors errors = new DreamNetErrors(clock);

    @Test
    void retryAfterIsTheWholeSecondsUntilTheBreakerTriesAgain() {
        Instant now = Instant.ofEpochMilli(clock.wallMillis());

        assertThat(header(now.plus(Duration.ofSeconds(29)).plusMillis(400))).isEqualTo("30");
        assertThat(header(now.plusMillis(200))).isEqualTo("1");
        assertThat(header(now.minusSeconds(3))).as("already due").isEqualTo("1");
        assertThat(header(null)).as("forced open: not known").isEqualTo("5");
    }

    private String header(Instant nextAttemptAt) {
        return errors.breakerOpen(new CallNotPermittedException("provider", CircuitBreaker.State.OPEN, nextAttemptAt))
                .getHeaders().getFirst("Retry-After");
    }
}
