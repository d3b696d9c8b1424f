package dev.dreamnet.core.breaker;

import static dev.dreamnet.core.breaker.CircuitBreaker.State.CLOSED;
import static dev.dreamnet.core.breaker.CircuitBreaker.State.OPEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.core.time.FakeClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimeWindowTest {

    private final FakeClock clock = new FakeClock();
    private final CircuitBreaker breaker = CircuitBreaker.builder("queue").clock(clock)
            .config(CircuitBreakerConfig.builder()
                    .timeWindow(Duration.ofSeconds(10)).minimumCalls(10).consecutiveFailures(1000)
                    .failureRateThreshold(50).build())
            .build();

    @Test
    void opensOnTheFailureRateOfTheLastSeconds() {
        for (int second = 0; second < 5; second++) {
            Calls.succeed(breaker, 1);
            Calls.fail(breaker, 1);
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(breaker.state()).isEqualTo(OPEN);
    }

    @Test
    void opensOnTheExactFailureThatReachesTheRateWithinOneSecond() {
        Calls.succeed(breaker, 10);
        for (int failure = 1; failure < 10; failure++) {
            Calls.fail(breaker, 1);
            assertThat(breaker.state()).as("after %d failures in 10 + %d calls", failure, failure).isEqualTo(CLOSED);
        }

        Calls.fail(breaker, 1);

        assertThat(breaker.state()).isEqualTo(OPEN);
        assertThat(breaker.snapshot().failureRate()).isEqualTo(50.0);
    }

    @Test
    void callsOlderThanTheWindowAreForgotten() {
        Calls.fail(breaker, 9);
        clock.advance(Duration.ofSeconds(10));

        Calls.succeed(breaker, 1);

        assertThat(breaker.state()).isEqualTo(CLOSED);
        assertThat(breaker.snapshot().calls()).isEqualTo(1);
        assertThat(breaker.snapshot().failures()).isZero();
    }

    @Test
    void callsOfTheLastSecondsStayCounted() {
        Calls.fail(breaker, 3);
        clock.advance(Duration.ofMillis(9_999));

        Calls.succeed(breaker, 2);

        assertThat(breaker.snapshot().calls()).isEqualTo(5);
        assertThat(breaker.snapshot().failures()).isEqualTo(3);
    }

    @Test
    void aSuccessThatReachesTheMinimumTripsOnOldFailures() {
        Calls.fail(breaker, 6);
        clock.advance(Duration.ofSeconds(3));
        Calls.succeed(breaker, 3);
        assertThat(breaker.state()).isEqualTo(CLOSED);

        Calls.succeed(breaker, 1);

        assertThat(breaker.state()).isEqualTo(OPEN);
    }

    @Test
    void bucketsAreReusedAfterAFullLap() {
        for (int lap = 0; lap < 3; lap++) {
            for (int second = 0; second < 10; second++) {
                Calls.succeed(breaker, 2);
                clock.advance(Duration.ofSeconds(1));
            }
        }
        Calls.succeed(breaker, 1);

        assertThat(breaker.snapshot().calls()).isEqualTo(19);
    }
}
