package dev.dreamnet.core.breaker;

import dev.dreamnet.core.breaker.internal.RealCircuitBreaker;
import dev.dreamnet.core.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Stops calling a downstream that is failing, and tests carefully whether it has recovered.
 * CLOSED admits every call and watches failures and slow calls; it trips to OPEN, which rejects
 * every call for the reset timeout; then HALF_OPEN admits a few trial calls whose outcomes close
 * it again or reopen it. Operators can force it open or closed and reset it.
 *
 * <p>Thread-safe and lock-free. The hot path, {@link #tryAcquirePermission()} followed by
 * {@link #onSuccess(long)}, and a rejection allocate nothing.
 */
public interface CircuitBreaker {

    /** The states of a breaker. */
    enum State {
        /** Calls flow; outcomes are recorded and may trip the breaker. */
        CLOSED,
        /** Calls are rejected until the reset timeout has passed. */
        OPEN,
        /** A few trial calls are admitted; their outcomes decide between CLOSED and OPEN. */
        HALF_OPEN,
        /** Set by an operator: every call is rejected until the breaker is reset. */
        FORCED_OPEN,
        /** Set by an operator: every call is admitted and nothing trips the breaker. */
        FORCED_CLOSED
    }

    static Builder builder(String name) {
        return new Builder(name);
    }

    /** A breaker with {@link CircuitBreakerConfig#ofDefaults()} on the system clock. */
    static CircuitBreaker ofDefaults(String name) {
        return builder(name).build();
    }

    String name();

    CircuitBreakerConfig config();

    State state();

    /**
     * Asks to make one call. When it returns true the caller must report exactly one of
     * {@link #onSuccess}, {@link #onError} or {@link #releasePermission}; a half-open trial permit
     * that is never reported is reclaimed after {@code halfOpenPermitTimeout}.
     */
    boolean tryAcquirePermission();

    /** The permitted call succeeded after {@code durationNanos}; slow if that is at least slowCallDuration. */
    void onSuccess(long durationNanos);

    /** The permitted call failed with {@code error}; it counts as the configuration says. */
    void onError(long durationNanos, Throwable error);

    /** The permitted call was not made after all; gives a half-open trial permit back. */
    void releasePermission();

    /**
     * Calls {@code callable} if permitted, timing it with the breaker's clock and recording its outcome.
     *
     * @throws CallNotPermittedException if the breaker rejects the call
     */
    <T> T call(Callable<T> callable) throws Exception;

    /** Like {@link #call} for a {@link Runnable}. */
    void run(Runnable runnable);

    /**
     * Gets a value from {@code supplier} if permitted; otherwise, or when it throws, from
     * {@code fallback}, which receives the {@link CallNotPermittedException} or the failure.
     */
    <T> T get(Supplier<? extends T> supplier, Function<? super RuntimeException, ? extends T> fallback);

    /** Rejects every call until {@link #reset(String)}. */
    void forceOpen(String reason);

    /** Admits every call, never tripping, until {@link #reset(String)}. */
    void forceClosed(String reason);

    /** Back to CLOSED with an empty window, from any state. */
    void reset(String reason);

    default void reset() {
        reset("reset by operator");
    }

    CircuitBreakerSnapshot snapshot();

    /** Adds a listener for every later state change. */
    void addListener(TransitionListener listener);

    /** Builds a {@link CircuitBreaker}; not thread-safe, use it from one thread. */
    final class Builder {
        private final String name;
        private CircuitBreakerConfig config = CircuitBreakerConfig.ofDefaults();
        private Clock clock = Clock.system();
        private final List<TransitionListener> listeners = new ArrayList<>();

        private Builder(String name) {
            Objects.requireNonNull(name, "name must not be null");
            if (name.isBlank()) {
                throw new IllegalArgumentException("name must not be blank, was \"" + name + "\"");
            }
            this.name = name;
        }

        public Builder config(CircuitBreakerConfig config) {
            this.config = Objects.requireNonNull(config, "config must not be null");
            return this;
        }

        /** The clock for durations, the reset timeout, time windows and event timestamps. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock must not be null");
            return this;
        }

        public Builder listener(TransitionListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener must not be null"));
            return this;
        }

        public CircuitBreaker build() {
            RealCircuitBreaker breaker = new RealCircuitBreaker(name, config, clock);
            listeners.forEach(breaker::addListener);
            return breaker;
        }
    }
}
