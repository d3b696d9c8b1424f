package dev.dreamnet.core.breaker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * How a {@link CircuitBreaker} decides: when it trips, how long it stays open and how it tests
 * recovery. Immutable and thread-safe; the constructor validates every setting and names the one
 * that is wrong, so an invalid configuration cannot exist.
 *
 * @param consecutiveFailures      failures in a row that trip the breaker, whatever the window says
 * @param failureRateThreshold     failure percentage (0-100] over the window that trips it
 * @param slowCallRateThreshold    slow-call percentage (0-100] over the window that trips it
 * @param slowCallDuration         a call at least this long is slow
 * @param windowType               whether the window holds the last N calls or the last N seconds
 * @param windowSize               N: calls for a count window, seconds for a time window
 * @param minimumCalls             calls the window must hold before a rate can trip the breaker
 * @param resetTimeout             how long the breaker stays open before it admits trial calls
 * @param permittedCallsInHalfOpen trial calls admitted while half-open; their outcomes decide
 * @param halfOpenPermitTimeout    a trial permit whose caller never reports back is reclaimed after this
 * @param recordFailure            which exceptions count as failures (the others count as successes)
 * @param ignored                  exceptions that count as neither; checked before {@code recordFailure}
 */
public record CircuitBreakerConfig(
        int consecutiveFailures,
        double failureRateThreshold,
        double slowCallRateThreshold,
        Duration slowCallDuration,
        WindowType windowType,
        int windowSize,
        int minimumCalls,
        Duration resetTimeout,
        int permittedCallsInHalfOpen,
        Duration halfOpenPermitTimeout,
        Predicate<Throwable> recordFailure,
        List<Class<? extends Throwable>> ignored) {

    /** The largest count window, in calls. */
    public static final int MAX_COUNT_WINDOW = 1_000_000;
    /** The longest time window, in seconds. */
    public static final int MAX_TIME_WINDOW_SECONDS = 3_600;
    /** The most trial calls a half-open breaker may admit. */
    public static final int MAX_PERMITTED_CALLS_IN_HALF_OPEN = 10_000;

    /** The kind of sliding window the rates are computed over. */
    public enum WindowType {
        /** The last {@code windowSize} calls. */
        COUNT_BASED,
        /** The calls of the last {@code windowSize} seconds, bucketed per second. */
        TIME_BASED
    }

    public CircuitBreakerConfig {
        atLeast("consecutiveFailures", consecutiveFailures, 1);
        percentage("failureRateThreshold", failureRateThreshold);
        percentage("slowCallRateThreshold", slowCallRateThreshold);
        positive("slowCallDuration", slowCallDuration);
        Objects.requireNonNull(windowType, "windowType must not be null");
        int maxWindow = windowType == WindowType.COUNT_BASED ? MAX_COUNT_WINDOW : MAX_TIME_WINDOW_SECONDS;
        between("windowSize", windowSize, 1, maxWindow);
        atLeast("minimumCalls", minimumCalls, 1);
        if (windowType == WindowType.COUNT_BASED && minimumCalls > windowSize) {
            throw new IllegalArgumentException("minimumCalls must be <= windowSize (" + windowSize
                    + ") for a count window, was " + minimumCalls);
        }
        positive("resetTimeout", resetTimeout);
        between("permittedCallsInHalfOpen", permittedCallsInHalfOpen, 1, MAX_PERMITTED_CALLS_IN_HALF_OPEN);
        positive("halfOpenPermitTimeout", halfOpenPermitTimeout);
        Objects.requireNonNull(recordFailure, "recordFailure must not be null");
        ignored = List.copyOf(Objects.requireNonNull(ignored, "ignored must not be null"));
    }

    /**
     * The defaults: 5 consecutive failures, or 50% failures or 100% slow calls (slow: 5 s or more)
     * over the last 100 calls once 10 are in; open for 30 s; then 3 trial calls whose permits
     * expire after 10 s. Every exception is a failure and none is ignored.
     */
    public static CircuitBreakerConfig ofDefaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this configuration. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    private static void atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", was " + value);
        }
    }

    private static void between(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
        }
    }

    private static void percentage(String name, double value) {
        if (!(value > 0 && value <= 100)) {
            throw new IllegalArgumentException(name + " must be > 0 and <= 100 (a percentage), was " + value);
        }
    }

    private static void positive(String name, Duration value) {
        Objects.requireNonNull(value, name + " must not be null");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be > 0, was " + value);
        }
    }

    /** Builds a {@link CircuitBreakerConfig}; not thread-safe, use it from one thread. */
    public static final class Builder {
        private int consecutiveFailures = 5;
        private double failureRateThreshold = 50;
        private double slowCallRateThreshold = 100;
        private Duration slowCallDuration = Duration.ofSeconds(5);
        private WindowType windowType = WindowType.COUNT_BASED;
        private int windowSize = 100;
        private int minimumCalls = 10;
        private Duration resetTimeout = Duration.ofSeconds(30);
        private int permittedCallsInHalfOpen = 3;
        private Duration halfOpenPermitTimeout = Duration.ofSeconds(10);
        private Predicate<Throwable> recordFailure = error -> true;
        private List<Class<? extends Throwable>> ignored = List.of();

        private Builder() {
        }

        private Builder(CircuitBreakerConfig config) {
            consecutiveFailures = config.consecutiveFailures;
            failureRateThreshold = config.failureRateThreshold;
            slowCallRateThreshold = config.slowCallRateThreshold;
            slowCallDuration = config.slowCallDuration;
            windowType = config.windowType;
            windowSize = config.windowSize;
            minimumCalls = config.minimumCalls;
            resetTimeout = config.resetTimeout;
            permittedCallsInHalfOpen = config.permittedCallsInHalfOpen;
            halfOpenPermitTimeout = config.halfOpenPermitTimeout;
            recordFailure = config.recordFailure;
            ignored = config.ignored;
        }

        public Builder consecutiveFailures(int failures) {
            this.consecutiveFailures = failures;
            return this;
        }

        /** The failure percentage, in (0, 100], at or above which the breaker trips. */
        public Builder failureRateThreshold(double percent) {
            this.failureRateThreshold = percent;
            return this;
        }

        /** The slow-call percentage, in (0, 100], at or above which the breaker trips. */
        public Builder slowCallRateThreshold(double percent) {
            this.slowCallRateThreshold = percent;
            return this;
        }

        public Builder slowCallDuration(Duration duration) {
            this.slowCallDuration = duration;
            return this;
        }

        /** Rates over the last {@code calls} calls. */
        public Builder countWindow(int calls) {
            this.windowType = WindowType.COUNT_BASED;
            this.windowSize = calls;
            return this;
        }

        /** Rates over the calls of the last {@code length}, a whole number of seconds. */
        public Builder timeWindow(Duration length) {
            Objects.requireNonNull(length, "timeWindow must not be null");
            if (length.toNanos() % 1_000_000_000L != 0 || length.getSeconds() < 1) {
                throw new IllegalArgumentException("timeWindow must be a whole number of seconds >= 1s, was " + length);
            }
            this.windowType = WindowType.TIME_BASED;
            this.windowSize = (int) Math.min(Integer.MAX_VALUE, length.getSeconds());
            return this;
        }

        public Builder minimumCalls(int calls) {
            this.minimumCalls = calls;
            return this;
        }

        public Builder resetTimeout(Duration timeout) {
            this.resetTimeout = timeout;
            return this;
        }

        public Builder permittedCallsInHalfOpen(int calls) {
            this.permittedCallsInHalfOpen = calls;
            return this;
        }

        public Builder halfOpenPermitTimeout(Duration timeout) {
            this.halfOpenPermitTimeout = timeout;
            return this;
        }

        /** Which exceptions count as failures; the others count as successes. Default: all. */
        public Builder recordFailure(Predicate<Throwable> isFailure) {
            this.recordFailure = isFailure;
            return this;
        }

        /** Exceptions (and their subclasses) that count as neither success nor failure. */
        @SafeVarargs
        public final Builder ignore(Class<? extends Throwable>... types) {
            List<Class<? extends Throwable>> list = new ArrayList<>();
            for (Class<? extends Throwable> type : types) {
                list.add(type);
            }
            this.ignored = list;
            return this;
        }

        /** Validates and builds; the message of a failure names the setting and its value. */
        public CircuitBreakerConfig build() {
            return new CircuitBreakerConfig(consecutiveFailures, failureRateThreshold, slowCallRateThreshold,
                    slowCallDuration, windowType, windowSize, minimumCalls, resetTimeout, permittedCallsInHalfOpen,
                    halfOpenPermitTimeout, recordFailure, ignored);
        }
    }
}
