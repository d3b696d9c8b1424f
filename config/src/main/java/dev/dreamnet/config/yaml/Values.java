package dev.dreamnet.config.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dreamnet.config.internal.Text;
import dev.dreamnet.core.time.DurationSyntax;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collection;
import java.util.stream.Collectors;

/** How {@link Section} checks values and words what it expected. Stateless. */
final class Values {

    private Values() {
    }

    /** How a value found in the file reads in a message: {@code "yes"}, {@code 2.5}, {@code a list}. */
    static String describe(JsonNode value) {
        if (value.isTextual()) {
            return Text.quote(value.textValue());
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isObject()) {
            return "a mapping";
        }
        if (value.isNull()) {
            return "nothing";
        }
        return Text.clip(value.isFloatingPointNumber() ? Double.toString(value.doubleValue()) : value.asText());
    }

    static boolean isIntBetween(JsonNode value, int min, int max) {
        return value.isIntegralNumber() && value.canConvertToInt()
                && value.intValue() >= min && value.intValue() <= max;
    }

    static String wholeNumber(int min, int max) {
        return max == Integer.MAX_VALUE
                ? "must be a whole number >= " + min
                : "must be a whole number between " + min + " and " + max;
    }

    /** What is wrong with {@code value} as a duration in (0, {@code max}], or null when nothing is. */
    static String durationProblem(JsonNode value, Duration max) {
        if (value.isNumber()) {
            return "must have a unit, such as \"30s\" or \"500ms\", was " + describe(value);
        }
        Duration duration = duration(value);
        if (duration == null && value.isTextual() && DurationSyntax.isTooLong(value.textValue())) {
            return "must be at most " + DurationSyntax.format(max) + ", was " + Text.clip(value.textValue());
        }
        if (duration == null) {
            return "must be a duration such as " + DurationSyntax.EXAMPLES + ", was " + describe(value);
        }
        if (duration.isNegative() || duration.isZero()) {
            return "must be > 0, was " + Text.clip(value.textValue());
        }
        if (duration.compareTo(max) > 0) {
            return "must be at most " + DurationSyntax.format(max) + ", was " + Text.clip(value.textValue());
        }
        return null;
    }

    /** The duration {@code value} holds, or null when it holds none. */
    static Duration duration(JsonNode value) {
        return value.isTextual() ? DurationSyntax.parse(value.textValue()) : null;
    }

    /** {@code 0.1}, {@code 100}, {@code 1.0E300}: short, and exact for the numbers people write. */
    static String format(double number) {
        if (Double.isNaN(number) || Double.isInfinite(number)) {
            return Double.toString(number);
        }
        String plain = BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
        return plain.length() <= 24 ? plain : Double.toString(number);
    }

    /** {@code "a", "b" or "c"}. */
    static String quotedList(Collection<String> names) {
        String quoted = names.stream().map(Text::quote).collect(Collectors.joining(", "));
        int last = quoted.lastIndexOf(", ");
        return last < 0 ? quoted : quoted.substring(0, last) + " or " + quoted.substring(last + 2);
    }
}
