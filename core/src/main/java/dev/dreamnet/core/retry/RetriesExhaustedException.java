package dev.dreamnet.core.retry;

/**
 * {@link Retry} gave up on a retryable failure: attempts ran out, the deadline was too close,
 * the retry budget was spent or the breaker opened. The cause is the last failure; the earlier
 * failures are suppressed exceptions, oldest first. Thread-safe once thrown.
 */
public final class RetriesExhaustedException extends RuntimeException {

    private final String retryName;
    private final int attempts;
    private final String reason;

    public RetriesExhaustedException(String retryName, int attempts, String reason, Throwable lastFailure) {
        super("retry \"" + retryName + "\" gave up after " + attempts + (attempts == 1 ? " attempt: " : " attempts: ")
                + reason + "; last failure: " + lastFailure, lastFailure);
        this.retryName = retryName;
        this.attempts = attempts;
        this.reason = reason;
    }

    public String retryName() {
        return retryName;
    }

    /** How many times the call was made. */
    public int attempts() {
        return attempts;
    }

    /** Why no further attempt was made. */
    public String reason() {
        return reason;
    }
}
