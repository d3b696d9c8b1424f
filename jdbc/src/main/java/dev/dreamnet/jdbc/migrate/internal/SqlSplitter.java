package dev.dreamnet.jdbc.migrate.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a SQL script into statements at top-level semicolons. Semicolons inside single-quoted
 * strings (with {@code ''} and, after {@code E}, backslash escapes), double-quoted identifiers,
 * dollar-quoted bodies ({@code $$...$$}, {@code $tag$...$tag$}), line comments and (nested) block
 * comments do not split. Statements that hold only comments are dropped; each statement is trimmed.
 * Stateless and thread-safe.
 */
public final class SqlSplitter {

    private SqlSplitter() {
    }

    /** The statements of {@code script}, in order. */
    public static List<String> split(String script) {
        List<String> statements = new ArrayList<>();
        Scanner scanner = new Scanner(script);
        int start = 0;
        boolean code = false;
        while (scanner.more()) {
            char c = scanner.peek();
            if (c == ';') {
                add(statements, script.substring(start, scanner.position()), code);
                scanner.skip(1);
                start = scanner.position();
                code = false;
            } else {
                code |= scanner.skipToken();
            }
        }
        add(statements, script.substring(start), code);
        return statements;
    }

    private static void add(List<String> statements, String text, boolean code) {
        String trimmed = text.strip();
        if (code && !trimmed.isEmpty()) {
            statements.add(trimmed);
        }
    }

    /** Walks one token at a time; {@link #skipToken()} says whether the token was code, not a comment. */
    private static final class Scanner {
        private final String text;
        private int at;

        Scanner(String text) {
            this.text = text;
        }

        boolean more() {
            return at < text.length();
        }

        char peek() {
            return text.charAt(at);
        }

        int position() {
            return at;
        }

        void skip(int count) {
            at = Math.min(text.length(), at + count);
        }

        boolean skipToken() {
            char c = text.charAt(at);
            if (startsWith("--")) {
                int end = text.indexOf('\n', at);
                at = end < 0 ? text.length() : end + 1;
                return false;
            }
            if (startsWith("/*")) {
                skipBlockComment();
                return false;
            }
            if (Character.isWhitespace(c)) {
                at++;
                return false;
            }
            if (c == '\'') {
                skipQuoted('\'', escapedStringPrefix());
            } else if (c == '"') {
                skipQuoted('"', false);
            } else if (c == '$') {
                skipDollar();
            } else {
                at++;
            }
            return true;
        }

        private boolean startsWith(String prefix) {
            return text.startsWith(prefix, at);
        }

        private boolean escapedStringPrefix() {
            if (at == 0 || Character.toUpperCase(text.charAt(at - 1)) != 'E') {
                return false;
            }
            return at == 1 || !isIdentifierPart(text.charAt(at - 2));
        }

        private void skipBlockComment() {
            int depth = 0;
            do {
                if (startsWith("/*")) {
                    depth++;
                    at += 2;
                } else if (startsWith("*/")) {
                    depth--;
                    at += 2;
                } else {
                    at++;
                }
            } while (depth > 0 && more());
        }

        private void skipQuoted(char quote, boolean backslashEscapes) {
            at++;
            while (more()) {
                char c = text.charAt(at++);
                if (backslashEscapes && c == '\\') {
                    at++;
                } else if (c == quote) {
                    if (more() && text.charAt(at) == quote) {
                        at++;
                    } else {
                        return;
                    }
                }
            }
        }

        private void skipDollar() {
            String tag = dollarTag();
            if (tag == null) {
                at++;
                return;
            }
            int end = text.indexOf(tag, at + tag.length());
            at = end < 0 ? text.length() : end + tag.length();
        }

        /** {@code $$} or {@code $name$} at the current position, or null for {@code $1} and the like. */
        private String dollarTag() {
            if (at > 0 && isIdentifierPart(text.charAt(at - 1))) {
                return null;
            }
            int i = at + 1;
            while (i < text.length() && isIdentifierPart(text.charAt(i)) && text.charAt(i) != '$') {
                i++;
            }
            if (i >= text.length() || text.charAt(i) != '$') {
                return null;
            }
            String tag = text.substring(at, i + 1);
            return tag.length() > 2 && Character.isDigit(tag.charAt(1)) ? null : tag;
        }

        private static boolean isIdentifierPart(char c) {
            return Character.isLetterOrDigit(c) || c == '_' || c == '$';
        }
    }
}
