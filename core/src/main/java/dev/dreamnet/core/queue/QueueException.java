package dev.dreamnet.core.queue;

/**
 * A queue operation that could not be done: the backend is unreachable, refused the operation or
 * holds something unexpected. Its message is one line naming the queue and the backend.
 */
public class QueueException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public QueueException(String message) {
        super(message);
    }

    public QueueException(String message, Throwable cause) {
        super(message, cause);
    }
}
