package dev.dreamnet.core.breaker.internal;

import dev.dreamnet.core.breaker.CircuitBreakerConfig;
import java.util.List;
import java.util.function.Predicate;

/**
 * Turns a reported call into an outcome code: a success is 0, with bit {@link #FAILURE} for a
 * failure and bit {@link #SLOW} for a slow call. Codes are ints so the hot path never boxes.
 * Immutable and thread-safe.
 */
final class Outcome {

    static final int SUCCESS = 0;
    static final int FAILURE = 1;
    static final int SLOW = 2;

    private final long slowCallNanos;
    private final Predicate<Throwable> recordFailure;
    private final Class<?>[] ignored;

    Outcome(CircuitBreakerConfig config) {
        this.slowCallNanos = config.slowCallDuration().toNanos();
        this.recordFailure = config.recordFailure();
        List<Class<? extends Throwable>> types = config.ignored();
        this.ignored = types.toArray(new Class<?>[0]);
    }

    static boolean isFailure(int outcome) {
        return (outcome & FAILURE) != 0;
    }

    static boolean isSlow(int outcome) {
        return (outcome & SLOW) != 0;
    }

    int ofSuccess(long durationNanos) {
        return durationNanos >= slowCallNanos ? SLOW : SUCCESS;
    }

    int ofError(long durationNanos, Throwable error) {
        return ofSuccess(durationNanos) | (recordFailure.test(error) ? FAILURE : SUCCESS);
    }

    boolean isIgnored(Throwable error) {
        for (Class<?> type : ignored) {
            if (type.isInstance(error)) {
                return true;
            }
        }
        return false;
    }
}
