package dev.dreamnet.jdbc.queue.internal;

import dev.dreamnet.core.queue.QueueException;
import dev.dreamnet.core.queue.QueueUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;

/**
 * Runs work on a connection of the data source, in a transaction or not, and turns a
 * {@link SQLException} into a one-line {@link QueueException}: {@link QueueUnavailableException}
 * when the database cannot be reached. Thread-safe as its data source is.
 */
public final class Sql {

    private final DataSource dataSource;

    public Sql(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Work on a connection that may throw {@link SQLException}. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} in autocommit mode; {@code what} describes it in errors. */
    public <T> T run(String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            return work.run(connection);
        } catch (SQLException e) {
            throw translate(what, e);
        }
    }

    /** Runs {@code work} in one transaction, committed if it returns and rolled back if it throws. */
    public <T> T inTransaction(String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection, e);
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw translate(what, e);
        }
    }

    private static void rollbackQuietly(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** A one-line exception saying what failed and why. */
    public static QueueException translate(String what, SQLException e) {
        String message = "embedded queue: " + what + " failed: " + oneLine(e.getMessage());
        String state = e.getSQLState();
        boolean unreachable = e instanceof SQLTransientConnectionException || state != null && state.startsWith("08");
        return unreachable ? new QueueUnavailableException(message, e) : new QueueException(message, e);
    }

    private static String oneLine(String text) {
        if (text == null) {
            return "no detail";
        }
        String line = text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
        return line.length() <= 300 ? line : line.substring(0, 297) + "...";
    }
}
