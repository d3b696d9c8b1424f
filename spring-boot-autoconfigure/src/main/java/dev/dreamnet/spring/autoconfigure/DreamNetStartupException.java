package dev.dreamnet.spring.autoconfigure;

/**
 * A critical service of DreamNet's startup graph failed, so the application does not start; the message is the path
 * from the first critical service that could not start down to the one that failed, and why
 * ({@code DreamNet startup failed: catalog -> warehouse: warehouse failed: ...}). {@link DreamNetFailureAnalyzer}
 * reports it without the stack trace.
 */
final class DreamNetStartupException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    DreamNetStartupException(String message) {
        super(message);
    }
}
