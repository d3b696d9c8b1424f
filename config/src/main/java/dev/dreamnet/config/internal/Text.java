package dev.dreamnet.config.internal;

/**
 * Makes text from a configuration file safe to echo in a one-line message. Not API: shared by
 * the loaders of this module only. Stateless.
 */
public final class Text {

    /** How many characters of a value from the file a message repeats. */
    public static final int MAX_ECHO = 60;

    private Text() {
    }

    /** The value in double quotes, clipped and on one line: {@code "30 seconds"}. */
    public static String quote(String value) {
        return "\"" + clip(value) + "\"";
    }

    /** The value clipped to {@link #MAX_ECHO} characters and on one line. */
    public static String clip(String value) {
        if (value.length() <= MAX_ECHO) {
            return oneLine(value);
        }
        int end = Character.isHighSurrogate(value.charAt(MAX_ECHO - 1)) ? MAX_ECHO - 1 : MAX_ECHO;
        return oneLine(value.substring(0, end)) + "...";
    }

    /**
     * Escapes control characters and line separators, so that a message naming a key like
     * {@code "a\nb"} stays one line. Leaves everything else, backslashes included, as it is, so
     * applying it twice changes nothing. Null stays null.
     */
    public static String oneLine(String text) {
        if (text == null || text.chars().noneMatch(Text::breaksLine)) {
            return text;
        }
        StringBuilder line = new StringBuilder(text.length() + 8);
        text.chars().forEach(c -> line.append(breaksLine(c) ? escape(c) : String.valueOf((char) c)));
        return line.toString();
    }

    private static boolean breaksLine(int c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
    }

    private static String escape(int c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> String.format("\\u%04x", c);
        };
    }
}
