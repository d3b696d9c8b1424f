package dev.dreamnet.server.kinds;

import dev.dreamnet.core.startup.ServiceSpec;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed, validated access to a service's {@code readiness} settings. Every error names the
 * setting and says what was expected; unknown settings are refused so typos do not pass silently.
 */
final class Settings {

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)");

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

    Duration duration(String key, Duration fallback) {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        Matcher matcher = DURATION.matcher(String.valueOf(value));
        if (!(value instanceof String) || !matcher.matches() || Long.parseLong(matcher.group(1)) == 0) {
            throw problem(key, "must be a positive duration such as \"500ms\", \"2s\" or \"1m\", was " + value);
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            default -> Duration.ofMinutes(amount);
        };
    }

    private IllegalArgumentException problem(String key, String what) {
        return new IllegalArgumentException("readiness." + key + " " + what + " (kind \"" + service.kind() + "\")");
    }
}
