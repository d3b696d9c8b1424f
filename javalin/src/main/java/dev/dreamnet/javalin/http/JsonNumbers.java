package dev.dreamnet.javalin.http;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads whole-number fields of request bodies strictly: {@code 1.7} is refused rather than cut to 1, {@code 1e20}
 * rather than clamped to {@code 2147483647}; a 400 names the field and the accepted range. Stateless.
 */
public final class JsonNumbers {

    private JsonNumbers() {
    }

    /** The whole number in {@code value} (which may be written {@code 300}, {@code 300.0} or {@code 3e2}). */
    public static long whole(JsonNode value, String field, long min, long max) {
        if (value != null && value.isNumber() && value.canConvertToExactIntegral() && value.canConvertToLong()) {
            long whole = value.longValue();
            if (whole >= min && whole <= max) {
                return whole;
            }
        }
        throw ApiException.badRequest(field + ": must be a whole number from " + min + " to " + max + ", was "
                + value);
    }

    /** As {@link #whole}, for an {@code int} setting. */
    public static int wholeInt(JsonNode value, String field, int min, int max) {
        return (int) whole(value, field, min, max);
    }

    /** The number in {@code value}; a 400 naming {@code field} when it is not a number. */
    public static double decimal(JsonNode value, String field) {
        if (value == null || !value.isNumber()) {
            throw ApiException.badRequest(field + ": must be a number, was " + value);
        }
        return value.asDouble();
    }
}
