package dev.dreamnet.core.health;

import java.util.Objects;

/**
 * The outcome of one {@link HealthCheck} run: healthy or not, and a short detail for people
 * (for example {@code "SELECT 1 ok"} or {@code "SQLException: connection refused"}). Immutable.
 *
 * @param healthy whether the check passed
 * @param detail  what was seen, never null (may be empty)
 */
public record CheckResult(boolean healthy, String detail) {

    public CheckResult {
        Objects.requireNonNull(detail, "detail");
    }

    /** A passing result. */
    public static CheckResult pass(String detail) {
        return new CheckResult(true, detail);
    }

    /** A failing result. */
    public static CheckResult fail(String detail) {
        return new CheckResult(false, detail);
    }

    /** The failure a thrown exception stands for: its class's simple name and its message. */
    public static CheckResult failure(Throwable thrown) {
        String type = thrown.getClass().getSimpleName();
        if (type.isEmpty()) {
            type = thrown.getClass().getName();
        }
        String message = thrown.getMessage();
        return fail(message == null ? type : type + ": " + message);
    }
}
