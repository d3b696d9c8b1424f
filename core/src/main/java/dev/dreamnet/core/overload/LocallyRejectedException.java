package dev.dreamnet.core.overload;

/**
 * A call to a downstream was refused on this side, before anything was sent: the downstream's
 * bulkhead was full or its adaptive throttle shed the call. Nothing reached the downstream, so
 * this is not a failure of the downstream: a circuit breaker should not count it and a retry
 * should not repeat it. No stack trace and no suppressed exceptions, so that refusing is cheap.
 * Thread-safe (immutable).
 */
public abstract class LocallyRejectedException extends RuntimeException {

    private final String downstream;

    protected LocallyRejectedException(String downstream, String message) {
        super(message, null, false, false);
        this.downstream = downstream;
    }

    /** The downstream the call was for. */
    public String downstream() {
        return downstream;
    }
}
