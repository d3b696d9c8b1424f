package dev.dreamnet.core.retry;

import dev.dreamnet.core.breaker.CallNotPermittedException;
import dev.dreamnet.core.breaker.CircuitBreaker;
import dev.dreamnet.core.time.Clock;
import dev.dreamnet.core.time.Deadline;
import dev.dreamnet.core.time.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * Retries a call to one downstream, with backoff and jitter, only on failures declared retryable,
 * within the caller's deadline, within a {@link RetryBudget} shared by all its callers, and never
 * while the downstream's circuit breaker is open: with a breaker, every attempt goes through it and
 * a {@link CallNotPermittedException} is thrown at once. A server's {@link RetryAfterException}
 * stretches the next wait to at least its hint. Thread-safe; one instance per downstream.
 */
public final class Retry {

    private final String name;
    private final RetryConfig config;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final CircuitBreaker breaker;
    private final RetryBudget budget;

    private Retry(Builder builder) {
        this.name = builder.name;
        this.config = builder.config;
        this.sleeper = builder.sleeper;
        this.random = builder.random;
        this.breaker = builder.breaker;
        this.budget = new RetryBudget(config.budget(), builder.clock);
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Retries with {@link RetryConfig#ofDefaults()}, the system clock and real sleeps. */
    public static Retry ofDefaults(String name) {
        return builder(name).build();
    }

    public String name() {
        return name;
    }

    public RetryConfig config() {
        return config;
    }

    public RetryBudget budget() {
        return budget;
    }

    /** Calls with no deadline. */
    public <T> T call(Callable<T> callable) throws Exception {
        return call(callable, Deadline.none());
    }

    /**
     * Calls {@code callable}, retrying retryable failures while attempts, deadline, budget and
     * breaker allow. A failure that is not retryable is thrown as it is.
     *
     * @throws RetriesExhaustedException when a retryable failure could not be retried
     */
    public <T> T call(Callable<T> callable, Deadline deadline) throws Exception {
        budget.recordCall();
        List<Exception> earlier = new ArrayList<>();
        Duration previous = null;
        for (int attempt = 1; ; attempt++) {
            try {
                return breaker == null ? callable.call() : breaker.call(callable);
            } catch (Exception failure) {
                if (!isRetryable(failure)) {
                    throw withEarlier(failure, earlier);
                }
                Duration delay = delayAfter(attempt, previous, failure);
                String stop = reasonToStop(attempt, delay, deadline);
                if (stop != null) {
                    throw withEarlier(new RetriesExhaustedException(name, attempt, stop, failure), earlier);
                }
                earlier.add(failure);
                sleep(delay, failure);
                previous = delay;
            }
        }
    }

    private boolean isRetryable(Exception failure) {
        return !(failure instanceof CallNotPermittedException) && config.retryOn().test(failure);
    }

    private Duration delayAfter(int attempt, Duration previous, Exception failure) {
        Duration backoff = config.backoff().delay(attempt, previous, random == null ? ThreadLocalRandom.current() : random);
        if (failure instanceof RetryAfterException hint && hint.retryAfter().compareTo(backoff) > 0) {
            return hint.retryAfter();
        }
        return backoff;
    }

    /** Why no retry may follow attempt {@code attempt} after {@code delay}, or null to retry. */
    private String reasonToStop(int attempt, Duration delay, Deadline deadline) {
        if (attempt >= config.maxAttempts()) {
            return "all " + config.maxAttempts() + " attempts failed";
        }
        if (breaker != null && isOpen(breaker.state())) {
            return "circuit breaker \"" + breaker.name() + "\" is " + breaker.state();
        }
        if (!deadline.allows(delay)) {
            return "the next attempt, in " + millis(delay) + ", would start past the deadline ("
                    + millis(deadline.remaining()) + " left)";
        }
        if (!budget.tryAcquireRetry()) {
            return "retry budget spent: " + budget.retries() + " retries for " + budget.calls()
                    + " calls in the last " + config.budget().window().getSeconds() + " s";
        }
        return null;
    }

    private static boolean isOpen(CircuitBreaker.State state) {
        return state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN;
    }

    private void sleep(Duration delay, Exception failure) throws InterruptedException {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            e.addSuppressed(failure);
            throw e;
        }
    }

    private static <E extends Exception> E withEarlier(E thrown, List<Exception> earlier) {
        for (Exception failure : earlier) {
            if (failure != thrown) {
                thrown.addSuppressed(failure);
            }
        }
        return thrown;
    }

    private static String millis(Duration duration) {
        return String.format(Locale.ROOT, "%d ms", duration.toMillis());
    }

    /** Builds a {@link Retry}; not thread-safe, use it from one thread. */
    public static final class Builder {
        private final String name;
        private RetryConfig config = RetryConfig.ofDefaults();
        private Clock clock = Clock.system();
        private Sleeper sleeper = Sleeper.system();
        private RandomGenerator random;
        private CircuitBreaker breaker;

        private Builder(String name) {
            Objects.requireNonNull(name, "name must not be null");
            if (name.isBlank()) {
                throw new IllegalArgumentException("name must not be blank, was \"" + name + "\"");
            }
            this.name = name;
        }

        public Builder config(RetryConfig config) {
            this.config = Objects.requireNonNull(config, "config must not be null");
            return this;
        }

        /** The clock of the retry budget's window. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock must not be null");
            return this;
        }

        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper must not be null");
            return this;
        }

        /** A fixed random generator for the jitter, for tests; it must be thread-safe if the retry is shared. */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random must not be null");
            return this;
        }

        /** The downstream's breaker: every attempt goes through it, and no retry while it is open. */
        public Builder breaker(CircuitBreaker breaker) {
            this.breaker = Objects.requireNonNull(breaker, "breaker must not be null");
            return this;
        }

        public Retry build() {
            return new Retry(this);
        }
    }
}
