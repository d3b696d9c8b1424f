package dev.dreamnet.core.retry;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * How {@link Retry} retries: how many tries, which failures are worth another try, how long to
 * wait between tries and how many retries the downstream may receive. Immutable and thread-safe;
 * the constructor validates every setting and names the one that is wrong.
 *
 * @param maxAttempts tries in all, the first included
 * @param retryOn     which failures are retryable; any other is thrown at once
 * @param backoff     the waits between tries
 * @param budget      the share of calls that may be retried
 */
public record RetryConfig(int maxAttempts, Predicate<Throwable> retryOn, Backoff backoff, Budget budget) {

    /** The most tries a configuration may ask for. */
    public static final int MAX_ATTEMPTS = 100;

    /**
     * Retries allowed over a sliding window: {@code ratio} of the calls made in it plus
     * {@code minPerSecond} for each of its seconds, so that an outage cannot multiply the load.
     *
     * @param ratio        the share of calls that may be retried, in [0, 1]
     * @param minPerSecond retries always allowed per second of the window, even with few calls
     * @param window       the sliding window, a whole number of seconds
     */
    public record Budget(double ratio, int minPerSecond, Duration window) {

        public Budget {
            if (!(ratio >= 0 && ratio <= 1)) {
                throw new IllegalArgumentException("budget ratio must be between 0 and 1, was " + ratio);
            }
            if (minPerSecond < 0) {
                throw new IllegalArgumentException("budget minPerSecond must be >= 0, was " + minPerSecond);
            }
            Objects.requireNonNull(window, "budget window must not be null");
            if (window.getSeconds() < 1 || window.getSeconds() > 3_600 || window.getNano() != 0) {
                throw new IllegalArgumentException("budget window must be whole seconds between 1s and 1h, was " + window);
            }
        }

        /** 10% of calls plus 1 retry per second, over 10 seconds. */
        public static Budget ofDefaults() {
            return new Budget(0.1, 1, Duration.ofSeconds(10));
        }
    }

    public RetryConfig {
        if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS) {
            throw new IllegalArgumentException("maxAttempts must be between 1 and " + MAX_ATTEMPTS + ", was " + maxAttempts);
        }
        Objects.requireNonNull(retryOn, "retryOn must not be null");
        Objects.requireNonNull(backoff, "backoff must not be null");
        Objects.requireNonNull(budget, "budget must not be null");
    }

    /**
     * The seed's defaults: 5 tries, 100 ms doubling to 3 s with full jitter, the default budget;
     * retrying only {@link IOException}, {@link TimeoutException} and {@link RetryAfterException}.
     */
    public static RetryConfig ofDefaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link RetryConfig}; not thread-safe, use it from one thread. */
    public static final class Builder {
        private int maxAttempts = 5;
        private Predicate<Throwable> retryOn = error -> error instanceof IOException
                || error instanceof TimeoutException || error instanceof RetryAfterException;
        private Backoff backoff = Backoff.exponential();
        private Budget budget = Budget.ofDefaults();

        private Builder() {
        }

        public Builder maxAttempts(int attempts) {
            this.maxAttempts = attempts;
            return this;
        }

        /** Which failures are retryable; replaces the default. */
        public Builder retryOn(Predicate<Throwable> retryable) {
            this.retryOn = retryable;
            return this;
        }

        /** Failures of these types (and their subclasses) are retryable; replaces the default. */
        @SafeVarargs
        public final Builder retryOn(Class<? extends Throwable>... types) {
            List<Class<? extends Throwable>> retryable = new ArrayList<>();
            for (Class<? extends Throwable> type : types) {
                retryable.add(type);
            }
            this.retryOn = error -> retryable.stream().anyMatch(type -> type.isInstance(error));
            return this;
        }

        public Builder backoff(Backoff backoff) {
            this.backoff = backoff;
            return this;
        }

        public Builder budget(Budget budget) {
            this.budget = budget;
            return this;
        }

        public RetryConfig build() {
            return new RetryConfig(maxAttempts, retryOn, backoff, budget);
        }
    }
}
