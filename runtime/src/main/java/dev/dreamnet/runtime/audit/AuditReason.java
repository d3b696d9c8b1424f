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
     * {@code reason}, when it is non-blank, at most {@value #MAX} characters and free of control characters
     * (a newline would forge a line of the log, an escape sequence would reach an operator's terminal, and
     * PostgreSQL refuses NUL).
     *
     * @throws IllegalArgumentException saying which of these it breaks, naming {@code reason}
     */
    public static String check(String reason) {
        if (reason.isBlank()) {
            throw new IllegalArgumentException("reason must not be blank: say why, for the audit log");
        }
        if (reason.length() > MAX) {
            throw new IllegalArgumentException("reason must be at most " + MAX + " characters, was "
                    + reason.length());
        }
        for (int i = 0; i < reason.length(); i++) {
            char c = reason.charAt(i);
            if (Character.isISOControl(c)) {
                throw new IllegalArgumentException("reason must be one line of text without control characters, "
                        + "had U+" + String.format("%04X", (int) c) + " at character " + (i + 1));
            }
        }
        return reason;
    }
}
