package dev.dreamnet.config.yaml;

import dev.dreamnet.config.internal.ParserText;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Words and locates the errors of the YAML parser for people: one line, the line of the
 * problem, no class names and no echo of the parser's snippet of the file. Stateless.
 */
final class YamlErrors {

    /** The longest key the YAML parser accepts, in characters. */
    static final int MAX_KEY = 1024;

    private YamlErrors() {
    }

    /** The 1-based line of the error in {@code text}, else {@code fallback}. */
    static int line(Throwable e, String text, int fallback) {
        MarkedYAMLException marked = cause(e, MarkedYAMLException.class);
        if (marked != null && isMissingColon(marked) && marked.getContextMark() != null) {
            return marked.getContextMark().getLine() + 1;
        }
        if (marked != null && marked.getProblemMark() != null) {
            return marked.getProblemMark().getLine() + 1;
        }
        ReaderException reader = cause(e, ReaderException.class);
        return reader != null ? lineAtCodePoint(text, reader.getPosition()) : fallback;
    }

    /** The problem to report: a key too long for YAML said in those words, else a syntax error. */
    static String message(Throwable e, String text) {
        MarkedYAMLException marked = cause(e, MarkedYAMLException.class);
        if (marked != null && isLongKey(marked, text)) {
            return "key is longer than " + MAX_KEY + " characters";
        }
        return "syntax error: " + describe(e);
    }

    /** What is wrong, in the parser's words where they are clear. */
    static String describe(Throwable e) {
        MarkedYAMLException marked = cause(e, MarkedYAMLException.class);
        if (marked != null) {
            return describe(marked);
        }
        ReaderException reader = cause(e, ReaderException.class);
        if (reader != null) {
            return String.format("character U+%04X is not allowed", reader.getCodePoint());
        }
        return ParserText.shorten(e.getMessage(), "not valid YAML");
    }

    private static String describe(MarkedYAMLException e) {
        String problem = ParserText.shorten(e.getProblem(), "not valid YAML");
        if (problem.contains("(TAB)")) {
            return "tab character; indent with spaces";
        }
        // SnakeYAML's words for a line indented unlike the block it is in.
        if (problem.startsWith("expected <block end>") || problem.startsWith("expected '<document start>'")) {
            return "indentation does not match the lines above";
        }
        if (isMissingColon(e)) {
            return "missing ':' after a key";
        }
        Mark context = e.getContextMark();
        Mark at = e.getProblemMark();
        if (e.getContext() != null && context != null && at != null && context.getLine() != at.getLine()) {
            return problem + " (" + e.getContext() + " that starts on line " + (context.getLine() + 1) + ")";
        }
        return problem;
    }

    /**
     * Whether the parser stumbled on a key longer than it accepts: it either gave up looking for the
     * ':' after {@link #MAX_KEY} characters on the key's own line, or took the key for a value and then
     * stumbled on the ':' after it.
     */
    private static boolean isLongKey(MarkedYAMLException e, String text) {
        Mark context = e.getContextMark();
        Mark at = e.getProblemMark();
        if (at == null) {
            return false;
        }
        if (isMissingColon(e)) {
            return context != null && context.getLine() == at.getLine() && at.getIndex() - context.getIndex() > MAX_KEY;
        }
        String line = lineAt(text, at.getLine());
        if (at.getColumn() >= line.length() || line.charAt(at.getColumn()) != ':') {
            return false;
        }
        String before = line.substring(0, at.getColumn());
        String key = before.substring(Math.max(before.lastIndexOf('{'), before.lastIndexOf(',')) + 1).strip();
        return key.length() > MAX_KEY;
    }

    private static String lineAt(String text, int line) {
        return text.lines().skip(line).findFirst().orElse("");
    }

    private static boolean isMissingColon(MarkedYAMLException e) {
        return e.getProblem() != null && e.getProblem().startsWith("could not find expected ':'");
    }

    private static int lineAtCodePoint(String text, int position) {
        int line = 1;
        int end = text.offsetByCodePoints(0, Math.min(Math.max(0, position), text.codePointCount(0, text.length())));
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static <T extends Throwable> T cause(Throwable error, Class<T> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
