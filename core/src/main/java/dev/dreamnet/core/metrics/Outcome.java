package dev.dreamnet.core.metrics;

/** How a request ended, by HTTP status class: latency is kept apart for each. */
public enum Outcome {
    /** 1xx, 2xx and 3xx. */
    SUCCESS,
    /** 4xx: the caller's mistake (or a refusal such as 401/404/429); counted apart from server errors. */
    CLIENT_ERROR,
    /** 5xx: the service failed (including 503 while not ready or while a breaker is open). */
    SERVER_ERROR,
    /** 499 "client closed request": the caller went away mid-request; neither its error nor the service's. */
    CLIENT_ABORT;

    /** The status recorded for a request whose client disconnected before it was answered (nginx's 499). */
    public static final int CLIENT_CLOSED_REQUEST = 499;

    private static final Outcome[] VALUES = values();

    public static Outcome of(int status) {
        if (status == CLIENT_CLOSED_REQUEST) {
            return CLIENT_ABORT;
        }
        return status >= 500 ? SERVER_ERROR : status >= 400 ? CLIENT_ERROR : SUCCESS;
    }

    static Outcome at(int ordinal) {
        return VALUES[ordinal];
    }
}
