package dev.dreamnet.runtime.audit;

/**
 * What an operator may give as the reason for a change: one line of text, recorded in the audit log (the database and
 * the application's log) and shown by the console and the CLI. The web layers check it before they change anything.
 */
public final class AuditReason {

    /** The longest reason, in UTF-16 code units: what the audit log's {@code reason} column holds. */
    public static final int MAX = 1000;

    private AuditReason() {
    }

    /**
     * {@code reason}, when it is non-blank, at most {@value #MAX} UTF-16 units and one line of plain text: no control
     * character (a newline would forge a line of the log, an escape sequence would reach an operator's terminal, and
     * PostgreSQL refuses NUL), no line or paragraph separator (U+2028, U+2029: a new line to some readers), no
     * bidirectional formatting character (U+202E and its kind reorder the text shown after it), and no half of a
     * surrogate pair (stored and logged differently).
     *
     * @throws IllegalArgumentException saying which of these it breaks, naming {@code reason}
     */
    public static String check(String reason) {
        if (reason.isBlank()) {
            throw new IllegalArgumentException("reason must not be blank: say why, for the audit log");
        }
        if (reason.length() > MAX) {
            throw new IllegalArgumentException("reason must be at most " + MAX + " characters (UTF-16 units: most "
                    + "emoji count as two), was " + reason.length());
        }
        for (int i = 0; i < reason.length(); ) {
            int c = reason.codePointAt(i);
            if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || bidirectional(c)
                    || Character.isSurrogate((char) c)) {
                throw new IllegalArgumentException("reason must be one line of plain text, without control, line "
                        + "separator or text direction characters, had U+" + String.format("%04X", c)
                        + " at character " + (i + 1));
            }
            i += Character.charCount(c);
        }
        return reason;
    }

    /** The characters that change the direction of the text around them (Unicode's bidirectional formatting). */
    private static boolean bidirectional(int c) {
        return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }
}
