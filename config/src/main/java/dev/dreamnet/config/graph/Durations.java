package dev.dreamnet.config.graph;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the durations of {@code graph.json}: a whole number with a unit ({@code "500ms"},
 * {@code "30s"}, {@code "2m"}, {@code "1h"}) or ISO-8601 ({@code "PT30S"}). Stateless.
 */
final class Durations {

    /** What a message shows as examples of a valid duration. */
    static final String EXAMPLES = "\"500ms\", \"30s\", \"2m\" or \"PT30S\"";

    private static final Pattern WITH_UNIT = Pattern.compile("(-?\\d{1,18})(ms|s|m|h)");

    private Durations() {
    }

    /** Returns the duration, or null when {@code text} is not one (a bare number has no unit, so is not). */
    static Duration parse(String text) {
        try {
            if (text.startsWith("P") || text.startsWith("-P")) {
                return Duration.parse(text);
            }
            Matcher matcher = WITH_UNIT.matcher(text);
            return matcher.matches() ? of(Long.parseLong(matcher.group(1)), matcher.group(2)) : null;
        } catch (DateTimeParseException | ArithmeticException e) {
            return null;
        }
    }

    private static Duration of(long amount, String unit) {
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }
}
