package dev.dreamnet.core.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dreamnet.core.breaker.CallNotPermittedException;
import dev.dreamnet.core.breaker.CircuitBreaker;
import dev.dreamnet.core.time.Deadline;
import dev.dreamnet.core.time.FakeClock;
import java.io.IOException;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetryTest {

    private static final IOException RESET = new IOException("connection reset");

    private final FakeClock clock = new FakeClock();
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);

    private Retry.Builder retry(RetryConfig.Builder config) {
        return Retry.builder("provider").config(config.build()).clock(clock).sleeper(sleeper)
                .random(new SplittableRandom(42));
    }

    private Retry retry() {
        return retry(RetryConfig.builder().backoff(Backoff.exponential(Backoff.Jitter.NONE))).build();
    }

    @Test
    void retriesTransientFailuresWithDoublingWaits() throws Exception {
        ScriptedCall call = ScriptedCall.failing(3, RESET);

        assertThat(retry().call(call, Deadline.none())).isEqualTo("ok");

        assertThat(call.calls()).isEqualTo(4);
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
    }

    @Test
    void stopsAtMaxAttempts() {
        ScriptedCall call = ScriptedCall.failing(10, RESET);

        assertThatThrownBy(() -> retry().call(call, Deadline.none()))
                .isInstanceOfSatisfying(RetriesExhaustedException.class, e -> {
                    assertThat(e.attempts()).isEqualTo(5);
                    assertThat(e.reason()).isEqualTo("all 5 attempts failed");
                    assertThat(e.getCause()).isSameAs(RESET);
                    assertThat(e.getSuppressed()).hasSize(4);
                })
                .hasMessage("retry \"provider\" gave up after 5 attempts: all 5 attempts failed;"
                        + " last failure: java.io.IOException: connection reset");
        assertThat(call.calls()).isEqualTo(5);
        assertThat(sleeper.sleeps()).hasSize(4);
    }

    @Test
    void neverRetriesANonRetryableFailure() {
        IllegalArgumentException badRequest = new IllegalArgumentException("400 bad request");
        ScriptedCall call = new ScriptedCall(badRequest);

        assertThatThrownBy(() -> retry().call(call, Deadline.none())).isSameAs(badRequest);
        assertThat(call.calls()).isEqualTo(1);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void neverRetriesPastTheDeadline() {
        ScriptedCall call = ScriptedCall.failing(10, RESET);
        Deadline deadline = Deadline.after(Duration.ofMillis(250), clock);

        assertThatThrownBy(() -> retry().call(call, deadline))
                .isInstanceOfSatisfying(RetriesExhaustedException.class, e -> assertThat(e.reason())
                        .isEqualTo("the next attempt, in 200 ms, would start past the deadline (150 ms left)"));
        assertThat(call.calls()).isEqualTo(2);
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(100));
    }

    @Test
    void honoursRetryAfter() throws Exception {
        ScriptedCall call = new ScriptedCall(new RetryAfterException("503 busy", Duration.ofSeconds(2)));

        assertThat(retry().call(call, Deadline.after(Duration.ofSeconds(5), clock))).isEqualTo("ok");

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void aRetryAfterPastTheDeadlineIsNotWaitedFor() {
        ScriptedCall call = new ScriptedCall(new RetryAfterException("429 slow down", Duration.ofSeconds(30)));

        assertThatThrownBy(() -> retry().call(call, Deadline.after(Duration.ofSeconds(5), clock)))
                .isInstanceOf(RetriesExhaustedException.class);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void notRetriedWhenTheBreakerIsOpen() {
        CircuitBreaker breaker = CircuitBreaker.builder("provider").clock(clock).build();
        Retry retry = retry(RetryConfig.builder()).breaker(breaker).build();
        ScriptedCall call = ScriptedCall.failing(10, RESET);
        for (int i = 0; i < 4; i++) {
            breaker.onError(0, RESET);
        }

        assertThatThrownBy(() -> retry.call(call, Deadline.none()))
                .isInstanceOfSatisfying(RetriesExhaustedException.class, e -> assertThat(e.reason())
                        .isEqualTo("circuit breaker \"provider\" is OPEN"));
        assertThat(call.calls()).as("the fifth consecutive failure opened the breaker").isEqualTo(1);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void aRejectionByTheBreakerIsNotRetried() {
        CircuitBreaker breaker = CircuitBreaker.builder("provider").clock(clock).build();
        breaker.forceOpen("maintenance");
        Retry retry = retry(RetryConfig.builder().retryOn(error -> true)).breaker(breaker).build();
        ScriptedCall call = new ScriptedCall();

        assertThatThrownBy(() -> retry.call(call, Deadline.none())).isInstanceOf(CallNotPermittedException.class);
        assertThat(call.calls()).isZero();
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void stopsWhenTheBudgetIsSpent() {
        Retry retry = retry(RetryConfig.builder().maxAttempts(100)
                .budget(new RetryConfig.Budget(0.1, 0, Duration.ofSeconds(10)))).build();
        for (int i = 0; i < 29; i++) {
            retry.budget().recordCall();
        }
        ScriptedCall call = ScriptedCall.failing(10, RESET);

        assertThatThrownBy(() -> retry.call(call, Deadline.none()))
                .isInstanceOfSatisfying(RetriesExhaustedException.class, e -> assertThat(e.reason())
                        .startsWith("retry budget spent: 3 retries for 30 calls"));
        assertThat(call.calls()).isEqualTo(4);
    }

    @Test
    void jitteredWaitsStayUnderTheCeiling() throws Exception {
        Retry retry = retry(RetryConfig.builder()).build();

        retry.call(ScriptedCall.failing(4, RESET), Deadline.none());

        assertThat(sleeper.sleeps()).hasSize(4).allSatisfy(wait -> assertThat(wait).isLessThanOrEqualTo(Duration.ofMillis(800)));
    }
}
