package dev.dreamnet.jdbc.migrate.internal;

import dev.dreamnet.jdbc.migrate.MigrationException;
import java.util.List;
import java.util.Locale;

/**
 * One parsed {@code .up.sql} or {@code .down.sql} file: whether it runs in a transaction, the checksum
 * of its text, and its statements (split on first use: a no-op run needs only checksums). Directives
 * are comment lines before the first statement of the form {@code -- dreamnet: non-transactional}; an
 * unknown directive is refused so a typo does not silently change how a migration runs. Thread-safe.
 */
public final class SqlScript {

    private static final String DIRECTIVE = "-- dreamnet:";
    private static final String NON_TRANSACTIONAL = "non-transactional";

    private final String location;
    private final String text;
    private final boolean transactional;
    private final String checksum;
    private volatile List<String> statements;

    private SqlScript(String location, String text, boolean transactional, String checksum) {
        this.location = location;
        this.text = text;
        this.transactional = transactional;
        this.checksum = checksum;
    }

    /** Parses {@code text} read from {@code location}; line endings and a byte order mark do not count. */
    public static SqlScript parse(String location, String text) {
        String normalized = Checksums.normalize(text);
        return new SqlScript(location, normalized, transactional(location, normalized), Checksums.sha256(normalized));
    }

    private static boolean transactional(String location, String text) {
        boolean transactional = true;
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            String line = text.substring(start, end < 0 ? text.length() : end).strip();
            start = end < 0 ? text.length() : end + 1;
            if (line.toLowerCase(Locale.ROOT).startsWith(DIRECTIVE)) {
                String directive = line.substring(DIRECTIVE.length()).strip();
                if (!directive.equalsIgnoreCase(NON_TRANSACTIONAL)) {
                    throw new MigrationException(location + ": unknown directive \"" + line
                            + "\" (known: -- dreamnet: " + NON_TRANSACTIONAL + ")");
                }
                transactional = false;
            } else if (!line.isEmpty() && !line.startsWith("--")) {
                break;
            }
        }
        return transactional;
    }

    /** Where the script came from, for messages. */
    public String location() {
        return location;
    }

    public boolean transactional() {
        return transactional;
    }

    public String checksum() {
        return checksum;
    }

    /** The statements in order, trimmed. */
    public List<String> statements() {
        List<String> split = statements;
        if (split == null) {
            split = List.copyOf(SqlSplitter.split(text));
            statements = split;
        }
        return split;
    }
}
