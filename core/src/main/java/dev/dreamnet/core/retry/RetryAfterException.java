package dev.dreamnet.core.retry;

import java.time.Duration;
import java.util.Objects;

/**
 * A downstream asked to be retried no sooner than {@link #retryAfter()}: an HTTP adapter throws it
 * for a 429 or 503 with a {@code Retry-After} header. {@link Retry} waits at least that long.
 * Immutable and thread-safe.
 */
public class RetryAfterException extends RuntimeException {

    private final Duration retryAfter;

    public RetryAfterException(String message, Duration retryAfter) {
        this(message, retryAfter, null);
    }

    public RetryAfterException(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        Objects.requireNonNull(retryAfter, "retryAfter must not be null");
        if (retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must be >= 0, was " + retryAfter);
        }
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
