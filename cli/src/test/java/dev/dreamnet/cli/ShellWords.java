package dev.dreamnet.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits one runbook line into words like a POSIX shell does for the simple cases the runbook
 * uses: single and double quotes, backslash escapes outside single quotes, {@code $NAME} and
 * {@code ${NAME}} outside single quotes, {@code #} comments. Anything else is refused. Stateless.
 */
final class ShellWords {

    private static final Pattern NAME = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}|([A-Za-z_][A-Za-z0-9_]*)");

    private ShellWords() {
    }

    /** The words of {@code line} with variables taken from {@code env}; an unset variable is an error. */
    static List<String> split(String line, Map<String, String> env) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '$') {
                word = word == null ? new StringBuilder() : word;
                i = substitute(line, i, env, word);
            } else if (c == '\\' && i + 1 < line.length()) {
                word = word == null ? new StringBuilder() : word;
                word.append(line.charAt(++i));
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                word = word == null ? new StringBuilder() : word;
                quote = c;
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else if (c == '#' && word == null) {
                break;
            } else if ("|&;<>()`".indexOf(c) >= 0) {
                throw new IllegalArgumentException("shell operator '" + c + "' is not allowed in a runbook line");
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unclosed " + quote + " quote");
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    /** Appends the value of the variable at {@code line[dollar]}; returns the index of its last character. */
    private static int substitute(String line, int dollar, Map<String, String> env, StringBuilder word) {
        Matcher m = NAME.matcher(line).region(dollar + 1, line.length());
        if (!m.lookingAt()) {
            throw new IllegalArgumentException("'$' must be followed by a variable name");
        }
        String name = m.group(1) != null ? m.group(1) : m.group(2);
        String value = env.get(name);
        if (value == null) {
            throw new IllegalArgumentException("$" + name + " is not set (known: " + String.join(", ", env.keySet()) + ")");
        }
        word.append(value);
        return m.end() - 1;
    }
}
