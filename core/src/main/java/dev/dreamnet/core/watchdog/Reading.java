package dev.dreamnet.core.watchdog;

import java.util.List;
import java.util.Objects;

/**
 * What one watchdog saw at one moment: the measured value, its level against the thresholds,
 * a one-line reason in words and optional detail lines (thread names, locks). Immutable.
 *
 * @param name       the watchdog's name, e.g. {@code "heap-after-gc"}
 * @param level      the value judged against {@code thresholds}
 * @param value      the measured value in {@code unit}; {@code NaN} when it could not be measured
 * @param unit       the unit of {@code value} and the thresholds, e.g. {@code "%"}, {@code "ms"}
 * @param thresholds the warn and crit values; {@code null} only when the watchdog itself failed
 * @param reason     one line for an operator, e.g. "heap after GC 91% of max (crit at 90%)"
 * @param detail     extra lines, empty when there is nothing more to say
 */
public record Reading(String name, Level level, double value, String unit, Thresholds thresholds,
                      String reason, List<String> detail) {

    public Reading {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(level, "level must not be null");
        Objects.requireNonNull(unit, "unit must not be null");
        Objects.requireNonNull(reason, "reason must not be null");
        detail = List.copyOf(Objects.requireNonNull(detail, "detail must not be null"));
    }

    /** A reading whose level is {@code thresholds.levelOf(value)}. */
    public static Reading judged(String name, double value, String unit, Thresholds thresholds,
                                 String reason, List<String> detail) {
        return new Reading(name, thresholds.levelOf(value), value, unit, thresholds, reason, detail);
    }

    /** The reading of a watchdog that threw instead of reading: WARN, value NaN, the error as reason. */
    public static Reading failed(String name, Throwable error) {
        return new Reading(name, Level.WARN, Double.NaN, "", null,
                "watchdog failed: " + error.getClass().getSimpleName() + ": " + error.getMessage(), List.of());
    }
}
