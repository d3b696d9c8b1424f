package dev.dreamnet.core.time;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way durations are spelt, read and written: a whole number with a unit ({@code "500ms"},
 * {@code "30s"}, {@code "2m"}, {@code "1h"}) or ISO-8601 ({@code "PT30S"}). The configuration files
 * read it, and every message that shows a duration writes it, so what a message shows can be written
 * back into a file. Stateless.
 */
public final class DurationSyntax {

    /** What a message shows as examples of a valid duration. */
    public static final String EXAMPLES = "\"500ms\", \"30s\", \"2m\", \"1h\" or \"PT30S\"";

    private static final Pattern WITH_UNIT = Pattern.compile("(-?\\d{1,18})(ms|s|m|h)");
    private static final Pattern SPELT = Pattern.compile("\\d+(ms|s|m|h)");

    private DurationSyntax() {
    }

    /** Returns the duration, or null when {@code text} is not one (a bare number has no unit, so is not). */
    public static Duration parse(String text) {
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

    /** Whether {@code text} is spelt as a duration ({@code 99999999999999999999h}) yet too long for {@link Duration}. */
    public static boolean isTooLong(String text) {
        return SPELT.matcher(text).matches() && parse(text) == null;
    }

    /** The duration as people write it here, in its largest exact unit: {@code 1h}, {@code 90s}, {@code 1500ms}. */
    public static String format(Duration duration) {
        if (duration.getNano() % 1_000_000 != 0) {
            return duration.toString();
        }
        long millis = duration.toMillis();
        if (millis != 0 && millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis != 0 && millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        return millis % 1_000 == 0 ? millis / 1_000 + "s" : millis + "ms";
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
