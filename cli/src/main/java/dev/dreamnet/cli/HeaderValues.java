package dev.dreamnet.cli;

import java.util.regex.Pattern;

/**
 * The request headers the client commands build from what the operator typed or exported, the bearer token and the
 * actor, checked before anything is sent. A refusal is a usage error that names where the value came from and never
 * prints the token. Stateless.
 */
final class HeaderValues {

    /** Printable ASCII: what a bearer token (RFC 6750) may hold, and never a line break that would end the header. */
    private static final Pattern TOKEN = Pattern.compile("[\\x20-\\x7E]*");
    /**
     * What the servers record of {@code X-Dreamnet-Actor} (the Javalin plugin's {@code Actor}, the starter's
     * {@code Operator}): they drop every other character and cut after 100, so anything else would be recorded as
     * someone else.
     */
    private static final Pattern ACTOR = Pattern.compile("[A-Za-z0-9@._:+-]{1,100}");
    private static final String ACTOR_CHARACTERS = "ASCII letters, digits and @ . _ : + -";

    private HeaderValues() {
    }

    /** {@code token} trimmed, or null when blank; {@code source} names where it came from, e.g. DREAMNET_TOKEN. */
    static String token(String token, String source) {
        if (token == null || token.isBlank()) {
            return null;
        }
        String trimmed = token.trim();
        if (!TOKEN.matcher(trimmed).matches()) {
            int bad = trimmed.codePoints().filter(c -> c < 0x20 || c > 0x7E).findFirst().orElseThrow();
            throw new IllegalArgumentException("the token from " + source + " contains " + kind(bad)
                    + ", which a bearer token in an HTTP header cannot carry (the token is not shown); nothing was sent");
        }
        return trimmed;
    }

    /** {@code actor}, or null when blank (the server records "operator"); {@code source} names where it came from. */
    static String actor(String actor, String source) {
        if (actor == null || actor.isBlank()) {
            return null;
        }
        if (!ACTOR.matcher(actor).matches()) {
            String shown = source + " \"" + ApiClient.visible(actor) + "\"";
            throw new IllegalArgumentException(actor.length() > 100
                    ? shown + " is " + actor.length() + " characters long; the audit log records at most 100 of "
                    + ACTOR_CHARACTERS + "; nothing was sent"
                    : shown + " has \"" + ApiClient.visible(Character.toString(firstOutside(actor))) + "\", which the "
                    + "audit log cannot record: use " + ACTOR_CHARACTERS + " (at most 100); nothing was sent");
        }
        return actor;
    }

    /**
     * The actor taken from the login name ({@code $USER}) when no {@code --actor} was given: the characters the audit log
     * cannot record are left out and it is cut at 100, as the servers would do, rather than failing every command of a
     * user named {@code DOMAIN\\jane}; null (the server records "operator") when nothing is left.
     */
    static String actorFromLogin(String login) {
        if (login == null) {
            return null;
        }
        StringBuilder kept = new StringBuilder();
        login.codePoints().filter(HeaderValues::recordable).limit(100).forEach(kept::appendCodePoint);
        return kept.isEmpty() ? null : kept.toString();
    }

    private static int firstOutside(String actor) {
        return actor.codePoints().filter(c -> !recordable(c)).findFirst().orElseThrow();
    }

    /** A character {@link #ACTOR} allows. */
    private static boolean recordable(int c) {
        return c < 0x80 && (Character.isLetterOrDigit(c) || "@._:+-".indexOf(c) >= 0);
    }

    private static String kind(int c) {
        if (c == '\n' || c == '\r') {
            return "a line break";
        }
        return c < 0x20 || c == 0x7F ? "a control character" : "a character outside ASCII";
    }
}
