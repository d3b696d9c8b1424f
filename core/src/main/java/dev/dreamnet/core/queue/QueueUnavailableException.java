package dev.dreamnet.core.queue;

/**
 * The backend cannot be reached (connection refused or lost, database down). Worth retrying later,
 * and what a circuit breaker around queue calls should count as a failure.
 */
public class QueueUnavailableException extends QueueException {

    private static final long serialVersionUID = 1L;

    public QueueUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
