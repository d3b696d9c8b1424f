package dev.dreamnet.config;

import dev.dreamnet.core.time.DurationSyntax;
import java.time.Duration;
import java.util.Optional;

/**
 * Durations as the configuration files write them ({@code "500ms"}, {@code "30s"}, {@code "2m"},
 * {@code "1h"} or ISO-8601 {@code "PT30S"}), for other inputs (API bodies, command options) to accept
 * the same spelling.
 */
public final class DurationText {

    /** What an error message shows as valid examples. */
    public static final String EXAMPLES = DurationSyntax.EXAMPLES;

    private DurationText() {
    }

    /** The duration {@code text} spells, or empty when it is not one (a bare number has no unit). */
    public static Optional<Duration> parse(String text) {
        return Optional.ofNullable(text == null ? null : DurationSyntax.parse(text.strip()));
    }

    /** Whether {@code text} is spelt as a duration ({@code "99999999999999999999h"}) yet too long to be one. */
    public static boolean isTooLong(String text) {
        return text != null && DurationSyntax.isTooLong(text.strip());
    }

    /** In its largest exact unit: {@code 1h}, {@code 90s}, {@code 1500ms}. */
    public static String format(Duration duration) {
        return DurationSyntax.format(duration);
    }
}
