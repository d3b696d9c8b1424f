package dev.dreamnet.server.http;

import io.javalin.http.Context;

/** Whole-number path and query parameters, with a 400 naming the parameter and its range when wrong. */
public final class Params {

    private Params() {
    }

    /** The query parameter {@code name}, or {@code fallback} when absent. */
    public static long query(Context ctx, String name, long fallback, long min, long max) {
        String raw = ctx.queryParam(name);
        return raw == null ? fallback : parse(name, raw, min, max);
    }

    public static long parse(String name, String raw, long min, long max) {
        try {
            long value = Long.parseLong(raw.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the accepted range
        }
        throw ApiException.badRequest(name + " must be a whole number from " + min + " to " + max
                + ", was \"" + abbreviate(raw) + "\"");
    }

    private static String abbreviate(String raw) {
        return raw.length() <= 40 ? raw : raw.substring(0, 40) + "...";
    }
}
