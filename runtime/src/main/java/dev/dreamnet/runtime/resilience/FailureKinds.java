package dev.dreamnet.runtime.resilience;

import java.util.regex.Pattern;

/**
 * Tells a repeating task's new failure from a repeat of the last one, so that its log says when a
 * streak of failures starts and whenever the failure changes, but not every round. Two messages are
 * the same kind when they differ only in numbers (times, instants, counts, ports, ids). Stateless.
 */
public final class FailureKinds {

    private static final Pattern NUMBER = Pattern.compile("\\d+([.:,]\\d+)*");

    private FailureKinds() {
    }

    /** True when {@code current} starts a streak ({@code previous} is null) or is another kind of failure. */
    public static boolean isNew(String previous, String current) {
        return previous == null || !kind(previous).equals(kind(current));
    }

    /** The message of {@code failure}, or its class name when it has none: never null. */
    public static String message(Exception failure) {
        return failure.getMessage() == null ? failure.getClass().getName() : failure.getMessage();
    }

    private static String kind(String message) {
        return message == null ? "" : NUMBER.matcher(message).replaceAll("#");
    }
}
