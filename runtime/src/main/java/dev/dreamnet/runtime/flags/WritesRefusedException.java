package dev.dreamnet.runtime.flags;

/** An application write refused before it ran, by WRITE_DRAIN or by its flag being off; reads keep working. */
public final class WritesRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What refused the write. */
    public enum Cause { WRITE_DRAIN, FLAG_OFF }

    private final Cause cause;

    public WritesRefusedException(Cause cause, String message) {
        super(message, null, false, false);
        this.cause = cause;
    }

    public Cause refusedBy() {
        return cause;
    }
}
