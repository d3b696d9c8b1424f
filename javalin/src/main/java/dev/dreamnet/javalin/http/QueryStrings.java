package dev.dreamnet.javalin.http;

/**
 * Refuses a query string with a broken percent-escape ({@code ?limit=%ZZ}), which the servlet layer
 * would otherwise drop silently, so that the request ran with a default the client never asked for.
 * Stateless and thread-safe.
 */
public final class QueryStrings {

    private QueryStrings() {
    }

    /** @throws ApiException a 400 naming the broken escape, when {@code query} (raw, still encoded) has one */
    public static void requireValidEscapes(String query) {
        if (query == null) {
            return;
        }
        for (int i = query.indexOf('%'); i >= 0; i = query.indexOf('%', i + 1)) {
            if (i + 2 >= query.length() || !isHex(query.charAt(i + 1)) || !isHex(query.charAt(i + 2))) {
                String escape = query.substring(i, Math.min(query.length(), i + 3));
                throw ApiException.badRequest("the query string has a broken %-escape \"" + escape + "\" at character "
                        + (i + 1) + ": a % must be followed by two hex digits (write a literal % as %25)");
            }
        }
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
