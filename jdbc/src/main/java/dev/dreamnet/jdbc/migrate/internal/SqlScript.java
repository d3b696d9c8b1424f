package dev.dreamnet.jdbc.migrate.internal;

import dev.dreamnet.jdbc.migrate.MigrationException;
import java.util.List;
import java.util.Locale;

/**
 * One parsed {@code .up.sql} or {@code .down.sql} file: its statements, whether it runs in a
 * transaction, and the checksum of its text. Directives are comment lines before the first statement
 * of the form {@code -- dreamnet: non-transactional}; an unknown directive is refused so a typo does
 * not silently change how a migration runs. Immutable.
 *
 * @param location where the script came from, for messages
 */
public record SqlScript(String location, List<String> statements, boolean transactional, String checksum) {

    private static final String DIRECTIVE = "-- dreamnet:";
    private static final String NON_TRANSACTIONAL = "non-transactional";

    public SqlScript {
        statements = List.copyOf(statements);
    }

    /** Parses {@code text} read from {@code location}; line endings and a byte order mark do not count. */
    public static SqlScript parse(String location, String text) {
        String normalized = Checksums.normalize(text);
        boolean transactional = true;
        for (String line : normalized.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.toLowerCase(Locale.ROOT).startsWith(DIRECTIVE)) {
                String directive = trimmed.substring(DIRECTIVE.length()).strip();
                if (!directive.equalsIgnoreCase(NON_TRANSACTIONAL)) {
                    throw new MigrationException(location + ": unknown directive \"" + trimmed
                            + "\" (known: -- dreamnet: " + NON_TRANSACTIONAL + ")");
                }
                transactional = false;
            } else if (!trimmed.isEmpty() && !trimmed.startsWith("--")) {
                break;
            }
        }
        List<String> statements = SqlSplitter.split(normalized);
        return new SqlScript(location, statements, transactional, Checksums.sha256(normalized));
    }
}
