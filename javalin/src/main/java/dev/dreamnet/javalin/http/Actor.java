package dev.dreamnet.javalin.http;

import io.javalin.http.Context;

/** Who is acting, for the audit log: the {@code X-Dreamnet-Actor} header, cleaned, or "operator". */
public final class Actor {

    private static final int MAX = 100;

    private Actor() {
    }

    public static String of(Context ctx) {
        String header = ctx.header("X-Dreamnet-Actor");
        if (header == null) {
            return "operator";
        }
        String clean = header.replaceAll("[^\\p{Alnum}@._:+-]", "");
        if (clean.isEmpty()) {
            return "operator";
        }
        return clean.length() > MAX ? clean.substring(0, MAX) : clean;
    }
}
