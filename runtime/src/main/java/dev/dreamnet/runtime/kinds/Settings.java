package dev.dreamnet.runtime.kinds;

import dev.dreamnet.config.DurationText;
import dev.dreamnet.core.startup.ServiceSpec;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Typed, validated access to a service's {@code readiness} settings. Every error names the
 * setting and says what was expected; unknown settings are refused so typos do not pass silently.
 */
final class Settings {

    /** The longest wait a readiness setting accepts: as long as the longest startTimeout. */
    static final Duration MAX_DURATION = ServiceSpec.MAX_START_TIMEOUT;

    private final ServiceSpec service;
    private final Map<String, Object> values;

    Settings(ServiceSpec service, Set<String> known) {
        this.service = service;
        this.values = service.readiness();
        for (String key : values.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("kind \"" + service.kind() + "\" has no readiness setting \"" + key
                        + "\" (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    /**
     * A query that only reads: one {@code SELECT} or {@code VALUES} statement. A readiness check runs every few
     * seconds, so a {@code DELETE} here would run again and again on the application's data.
     */
    String readQuery(String key, String fallback) {
        String query = string(key, fallback).strip();
        String statement = query.endsWith(";") ? query.substring(0, query.length() - 1).strip() : query;
        String first = statement.split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
        if (statement.contains(";") || !(first.equals("SELECT") || first.equals("VALUES"))) {
            throw problem(key, "must be one SELECT or VALUES statement that only reads, was \"" + query + "\"");
        }
        return statement;
    }

    String string(String key, String fallback) {
        Object value = values.get(key);
        if (value == null) {
            if (fallback == null) {
                throw problem(key, "is required");
            }
            return fallback;
        }
        if (!(value instanceof String text) || text.isBlank()) {
            throw problem(key, "must be a non-empty string, was " + value);
        }
        return text;
    }

    /** The whole number at {@code key}; required when {@code fallback} is null. */
    int integer(String key, Integer fallback, int min, int max) {
        Object value = values.get(key);
        if (value == null) {
            if (fallback == null) {
                throw problem(key, "is required");
            }
            return fallback;
        }
        if (!(value instanceof Integer number) || number < min || number > max) {
            throw problem(key, "must be a whole number from " + min + " to " + max + ", was " + value);
        }
        return number;
    }

    /** The duration at {@code key}, in (0, {@link #MAX_DURATION}]; {@code fallback} when absent. */
    Duration duration(String key, Duration fallback) {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        Duration duration = value instanceof String text ? DurationText.parse(text).orElse(null) : null;
        if (duration == null && value instanceof String text && DurationText.isTooLong(text)
                || duration != null && duration.compareTo(MAX_DURATION) > 0) {
            throw problem(key, "\"" + value + "\" is out of range (at most " + DurationText.format(MAX_DURATION) + ")");
        }
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw problem(key, "must be a positive duration such as " + DurationText.EXAMPLES + ", was " + value);
        }
        return duration;
    }

    private IllegalArgumentException problem(String key, String what) {
        return new IllegalArgumentException("readiness." + key + " " + what + " (kind \"" + service.kind() + "\")");
    }
}
