package dev.dreamnet.runtime.fleet;

/**
 * A change to the fleet's shared state was refused because PostgreSQL cannot be reached or written:
 * nothing was changed on any instance. The message says since when and what to do.
 */
public final class SharedStateUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    SharedStateUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
