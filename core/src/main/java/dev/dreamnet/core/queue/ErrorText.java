package dev.dreamnet.core.queue;

/** How a handler's exception is kept as a message's last error: one line, bounded. Stateless. */
public final class ErrorText {

    /** The longest last error kept, in characters. */
    public static final int MAX_LENGTH = 1_000;

    private ErrorText() {
    }

    /** {@code "java.io.IOException: disk full"}, on one line, at most {@link #MAX_LENGTH} characters. */
    public static String of(Throwable error) {
        String message = error.getMessage();
        String text = error.getClass().getName() + (message == null ? "" : ": " + message);
        return clip(text);
    }

    /** {@code text} on one line, at most {@link #MAX_LENGTH} characters. */
    public static String clip(String text) {
        String line = text.replaceAll("[\\r\\n\\t]+", " ");
        return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH - 3) + "...";
    }
}
