package dev.dreamnet.bench;

import dev.dreamnet.core.breaker.CircuitBreaker;
import dev.dreamnet.core.breaker.CircuitBreakerConfig;
import dev.dreamnet.core.time.Clock;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowSynchronizationStrategy;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import java.time.Duration;

/**
 * The same breaker settings for every contender: 50% failures over the last 100 calls (or 10 s)
 * once 10 are in, slow at 60 s, open for 10 minutes (longer than any run), 10 trial calls.
 * Stateless.
 */
final class Settings {

    static final int WINDOW_CALLS = 100;
    static final int WINDOW_SECONDS = 10;
    static final int MINIMUM_CALLS = 10;
    static final int FAILURE_RATE = 50;
    static final Duration SLOW = Duration.ofSeconds(60);
    static final Duration OPEN_FOR = Duration.ofMinutes(10);
    static final int TRIALS = 10;
    /** What every caller reports as its call's duration, so no contender reads a clock for it. */
    static final long DURATION_NANOS = 1_000;
    static final RuntimeException FAILURE = new IllegalStateException("scripted failure", null) {
        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    };

    private Settings() {
    }

    static CircuitBreaker ours(boolean timeWindow) {
        CircuitBreakerConfig.Builder config = CircuitBreakerConfig.builder()
                .failureRateThreshold(FAILURE_RATE).minimumCalls(MINIMUM_CALLS).slowCallDuration(SLOW)
                .resetTimeout(OPEN_FOR).permittedCallsInHalfOpen(TRIALS);
        if (timeWindow) {
            config.timeWindow(Duration.ofSeconds(WINDOW_SECONDS));
        } else {
            config.countWindow(WINDOW_CALLS);
        }
        return CircuitBreaker.builder("bench").config(config.build()).clock(Clock.system()).build();
    }

    static io.github.resilience4j.circuitbreaker.CircuitBreaker resilience4j(
            SlidingWindowType type, SlidingWindowSynchronizationStrategy strategy) {
        int size = type == SlidingWindowType.COUNT_BASED ? WINDOW_CALLS : WINDOW_SECONDS;
        return io.github.resilience4j.circuitbreaker.CircuitBreaker.of("bench",
                io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.custom()
                        .slidingWindow(size, MINIMUM_CALLS, type, strategy)
                        .failureRateThreshold(FAILURE_RATE).slowCallDurationThreshold(SLOW)
                        .waitDurationInOpenState(OPEN_FOR).permittedNumberOfCallsInHalfOpenState(TRIALS)
                        .build());
    }

    static dev.failsafe.CircuitBreaker<Object> failsafe() {
        return dev.failsafe.CircuitBreaker.builder()
                .withFailureThreshold(WINDOW_CALLS * FAILURE_RATE / 100, WINDOW_CALLS)
                .withDelay(OPEN_FOR).withSuccessThreshold(TRIALS).build();
    }
}
