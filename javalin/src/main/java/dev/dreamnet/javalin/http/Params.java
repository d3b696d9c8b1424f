package dev.dreamnet.javalin.http;

import io.javalin.http.Context;
import java.util.regex.Pattern;

/**
 * Whole-number path and query parameters, with a 400 naming the parameter and its range when wrong. Only ASCII
 * digits with an optional leading minus are numbers: no spaces, no plus sign, no digits of other scripts.
 */
public final class Params {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,19}");

    private Params() {
    }

    /** The query parameter {@code name}, or {@code fallback} when absent. */
    public static long query(Context ctx, String name, long fallback, long min, long max) {
        String raw = ctx.queryParam(name);
        return raw == null ? fallback : parse(name, raw, min, max);
    }

    public static long parse(String name, String raw, long min, long max) {
        // Long.parseLong alone takes "+1" and non-ASCII digits such as Arabic-Indic one; the path " 1" was trimmed.
        if (WHOLE_NUMBER.matcher(raw).matches()) {
            try {
                long value = Long.parseLong(raw);
                if (value >= min && value <= max) {
                    return value;
                }
            } catch (NumberFormatException ignored) {
                // out of the range of a long: reported below with the accepted range
            }
        }
        throw ApiException.badRequest(name + " must be a whole number from " + min + " to " + max
                + ", was \"" + abbreviate(raw) + "\"");
    }

    private static String abbreviate(String raw) {
        return raw.length() <= 40 ? raw : raw.substring(0, 40) + "...";
    }
}
