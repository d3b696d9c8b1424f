package dev.dreamnet.config.internal;

/**
 * Words a parser's error message for people: its first line, up to where it starts naming its
 * internals. Not API: shared by the loaders of this module only. Stateless.
 */
public final class ParserText {

    private static final String[] INTERNALS = {"`", "[Source", "com.fasterxml", "org.yaml", "<org.", "java.lang."};

    private ParserText() {
    }

    /**
     * The parser's own words up to where it starts naming its internals: a source marker, a
     * class or a feature in backquotes. For example
     * {@code Non-standard token 'NaN': enable `JsonReadFeature...` to allow} becomes
     * {@code Non-standard token 'NaN'}; {@code fallback} when nothing is left.
     */
    public static String shorten(String message, String fallback) {
        String line = message == null ? "" : message.lines().findFirst().orElse("").strip();
        int internals = firstOf(line);
        if (internals >= 0) {
            line = line.substring(0, internals);
            line = line.substring(0, Math.max(0, Math.max(line.lastIndexOf(" ("), line.lastIndexOf(": ")))).strip();
        }
        return line.isEmpty() ? fallback : line;
    }

    private static int firstOf(String text) {
        int first = -1;
        for (String marker : INTERNALS) {
            int at = text.indexOf(marker);
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        return first;
    }
}
