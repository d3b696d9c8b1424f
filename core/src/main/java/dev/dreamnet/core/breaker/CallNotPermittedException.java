package dev.dreamnet.core.breaker;

import java.time.Duration;
import java.time.Instant;

/**
 * A circuit breaker rejected a call. Thread-safe. It has no stack trace and no suppressed
 * exceptions, and one instance is shared by every rejection of one open period, so that rejecting
 * allocates nothing; the message names the breaker, its state and when it may next try.
 */
public final class CallNotPermittedException extends RuntimeException {

    private final String breakerName;
    private final CircuitBreaker.State state;
    private final Instant nextAttemptAt;

    public CallNotPermittedException(String breakerName, CircuitBreaker.State state, Instant nextAttemptAt) {
        super(message(breakerName, state, nextAttemptAt), null, false, false);
        this.breakerName = breakerName;
        this.state = state;
        this.nextAttemptAt = nextAttemptAt;
    }

    private static String message(String name, CircuitBreaker.State state, Instant nextAttemptAt) {
        String base = "circuit breaker \"" + name + "\" is " + state + " and does not permit calls";
        if (nextAttemptAt != null) {
            return base + "; it may try again at " + nextAttemptAt;
        }
        return switch (state) {
            case FORCED_OPEN -> base + " until an operator closes or resets it";
            case HALF_OPEN -> base + " beyond its trial calls, which are all in flight";
            default -> base + " at the moment";
        };
    }

    public String breakerName() {
        return breakerName;
    }

    public CircuitBreaker.State state() {
        return state;
    }

    /** When the breaker may admit a trial call, or null if that is not known (forced open, half-open). */
    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    /**
     * A {@code Retry-After} for the refusal: the whole seconds from {@code nowMillis} (wall clock) until the breaker
     * admits a trial call, at least 1; 5 when that is not known.
     */
    public long retryAfterSeconds(long nowMillis) {
        if (nextAttemptAt == null) {
            return 5;
        }
        return Math.max(1, Duration.between(Instant.ofEpochMilli(nowMillis), nextAttemptAt).toSeconds() + 1);
    }
}
