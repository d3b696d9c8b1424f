package dev.dreamnet.jdbc.migrate.internal;

import dev.dreamnet.jdbc.migrate.Migration;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Runs the statements of one step and, when one fails, says which; knows which statements a database
 * without transactional DDL commits by itself. Stateless and thread-safe.
 */
final class Steps {

    private static final Set<String> PLAIN_DML = Set.of("INSERT", "UPDATE", "DELETE", "MERGE", "SELECT", "WITH",
            "VALUES", "TABLE");
    private static final int SHOWN_LENGTH = 300;

    private Steps() {
    }

    /** A statement of a step failed; {@link #index} is its position, {@code -1} inside a Java migration. */
    static final class Failure extends Exception {
        final int index;
        final String statement;
        final SQLException error;

        Failure(int index, String statement, SQLException error) {
            super(error.getMessage(), error);
            this.index = index;
            this.statement = statement;
            this.error = error;
        }
    }

    /** The SQL statements of a step, or null for a Java migration. */
    static List<String> statements(Migration migration, boolean up) {
        if (migration instanceof SqlMigration sql) {
            return sql.script(up).statements();
        }
        return null;
    }

    static void run(Connection connection, Migration migration, boolean up) throws Failure {
        List<String> statements = statements(migration, up);
        if (statements == null) {
            runJava(connection, migration, up);
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (int i = 0; i < statements.size(); i++) {
                try {
                    statement.execute(statements.get(i));
                } catch (SQLException e) {
                    throw new Failure(i, statements.get(i), e);
                }
            }
        } catch (SQLException e) {
            throw new Failure(-1, "(creating a statement)", e);
        }
    }

    private static void runJava(Connection connection, Migration migration, boolean up) throws Failure {
        try {
            if (up) {
                migration.up(connection);
            } else {
                migration.down(connection);
            }
        } catch (SQLException e) {
            throw new Failure(-1, "(in Java migration " + migration.location() + ")", e);
        }
    }

    /** Whether the step may contain a statement that commits by itself where DDL is not transactional. */
    static boolean maySelfCommit(Migration migration, boolean up) {
        List<String> statements = statements(migration, up);
        return statements == null || statements.stream().anyMatch(Steps::maySelfCommit);
    }

    /**
     * Whether a failure at {@code failure} left nothing committed on a database where DDL commits the
     * open transaction: true only when no statement before it (or the failing one, past the first)
     * could have committed.
     */
    static boolean nothingCommitted(Migration migration, boolean up, Failure failure) {
        List<String> statements = statements(migration, up);
        if (statements == null || failure.index < 0) {
            return false;
        }
        for (int i = 0; i <= failure.index; i++) {
            if (maySelfCommit(statements.get(i)) && (i < failure.index || i > 0)) {
                return false;
            }
        }
        return true;
    }

    static boolean maySelfCommit(String statement) {
        String code = statement.replaceAll("(?s)^(\\s*(--[^\\n]*\\n|/\\*.*?\\*/))*\\s*", "");
        int end = 0;
        while (end < code.length() && Character.isLetter(code.charAt(end))) {
            end++;
        }
        return !PLAIN_DML.contains(code.substring(0, end).toUpperCase(Locale.ROOT));
    }

    /** The statement on one line, shortened for a message. */
    static String shown(String statement) {
        String oneLine = statement.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= SHOWN_LENGTH ? oneLine : oneLine.substring(0, SHOWN_LENGTH) + "...";
    }

    /** The first line of a database message (H2 appends the statement; PostgreSQL a position). */
    static String firstLine(SQLException error) {
        String message = String.valueOf(error.getMessage()).strip();
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.endsWith("; SQL statement:") ? line.substring(0, line.length() - "; SQL statement:".length()) : line;
    }
}
