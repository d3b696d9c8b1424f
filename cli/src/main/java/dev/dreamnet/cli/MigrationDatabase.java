package dev.dreamnet.cli;

import dev.dreamnet.core.text.Redaction;
import dev.dreamnet.jdbc.JdbcUrlDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The database a {@code migrate} command works on: a connection per request, plus one kept open for the
 * command's life so an embedded H2 file is opened once. Opening it turns every connection problem into
 * one line. Not thread-safe beyond what the migrator needs (it is a plain driver-backed data source).
 */
final class MigrationDatabase extends JdbcUrlDataSource implements AutoCloseable {

    /** Why the database could not be opened, in one line; maps to exit code 3. */
    static final class Unavailable extends Exception {
        private final boolean heldByAnotherProcess;

        Unavailable(String message, boolean heldByAnotherProcess) {
            super(message);
            this.heldByAnotherProcess = heldByAnotherProcess;
        }

        /** The embedded H2 file is open in another process, most likely a running server. */
        boolean heldByAnotherProcess() {
            return heldByAnotherProcess;
        }
    }

    private static final int H2_FILE_IN_USE = 90020;

    private final Connection keeper;

    private MigrationDatabase(String url, Connection keeper) {
        super(url);
        this.keeper = keeper;
    }

    static MigrationDatabase open(String url) throws Unavailable {
        try {
            return new MigrationDatabase(url, DriverManager.getConnection(url));
        } catch (SQLException e) {
            throw new Unavailable(explain(url, e), e.getErrorCode() == H2_FILE_IN_USE);
        }
    }

    private static String explain(String url, SQLException e) {
        String shown = Redaction.url(url);
        return switch (e.getErrorCode()) {
            case H2_FILE_IN_USE -> "the H2 database " + h2File(url) + " is in use by another process (a running dreamnet serve?);"
                    + " stop it first, or run the server with --db jdbc:postgresql://... to migrate while it runs";
            case 90146, 90013 -> "no database at " + h2File(url) + " yet; dreamnet migrate up (or dreamnet serve) creates it";
            default -> "cannot connect to " + shown + ": " + firstLine(e.getMessage());
        };
    }

    private static String h2File(String url) {
        String file = url.substring(url.indexOf(':', "jdbc:h2:".length()) + 1);
        int options = file.indexOf(';');
        return (options < 0 ? file : file.substring(0, options)) + ".mv.db";
    }

    static String firstLine(String message) {
        String text = String.valueOf(message).strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    /** The URL for people: no password, and without the IFEXISTS option status adds. */
    String url() {
        return Redaction.url(jdbcUrl()).replace(";IFEXISTS=TRUE", "");
    }

    @Override
    public void close() {
        try {
            keeper.close();
        } catch (SQLException e) {
            // The command's outcome is already decided; a failing close only means the process exits anyway.
        }
    }
}
