package dev.dreamnet.jdbc.migrate.internal;

import dev.dreamnet.jdbc.Dialect;
import dev.dreamnet.jdbc.migrate.MigrationException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executor;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Excludes other migrators of the same database while held, on a connection of its own. PostgreSQL:
 * a session-level advisory lock, freed by the server when the process dies, so it never goes stale.
 * H2 and others: a row lock ({@code SELECT ... FOR UPDATE}) on {@code schema_migrations_lock} in an
 * open transaction, freed by rollback or when the connection dies. Not thread-safe: one owner.
 */
public final class MigrationLock implements AutoCloseable {

    /** The advisory lock key, ASCII "DRNTMIGR", fixed forever: every version of the migrator must agree on it. */
    public static final long ADVISORY_KEY = 0x44524e54_4d494752L;
    private static final Logger LOG = LoggerFactory.getLogger(MigrationLock.class);
    private static final Executor DIRECT = Runnable::run;

    private final Connection connection;
    private final Dialect dialect;
    private final Integer previousH2Timeout;

    private MigrationLock(Connection connection, Dialect dialect, Integer previousH2Timeout) {
        this.connection = connection;
        this.dialect = dialect;
        this.previousH2Timeout = previousH2Timeout;
    }

    /** Waits up to {@code timeout} for the lock; throws a one-line {@link MigrationException} if it is not free. */
    public static MigrationLock acquire(DataSource dataSource, Dialect dialect, Duration timeout) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            Connections.unlimitedNetworkTimeout(connection);
            Integer previous = dialect == Dialect.POSTGRESQL
                    ? advisory(connection, timeout)
                    : rowLock(connection, dialect, timeout);
            return new MigrationLock(connection, dialect, previous);
        } catch (SQLException | RuntimeException e) {
            Connections.closeQuietly(connection);
            if (LockTimeouts.isTimeout(e)) {
                throw new MigrationException("another migrator held the migration lock for longer than the lock timeout ("
                        + timeout.toMillis() + " ms); try again when it is done", e);
            }
            throw e;
        }
    }

    private static Integer advisory(Connection connection, Duration timeout) throws SQLException {
        // SET LOCAL keeps the pooled session's lock_timeout unchanged; the session-level lock outlives the commit.
        connection.setAutoCommit(false);
        try (var statement = connection.createStatement()) {
            statement.execute("SET LOCAL lock_timeout = '" + timeout.toMillis() + "ms'");
            statement.execute("SELECT pg_advisory_lock(" + ADVISORY_KEY + ")");
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
        return null;
    }

    private static Integer rowLock(Connection connection, Dialect dialect, Duration timeout) throws SQLException {
        connection.setAutoCommit(true);
        LockRow.ensure(connection);
        Integer previous = null;
        if (dialect == Dialect.H2) {
            previous = LockRow.h2Timeout(connection);
            LockRow.setH2Timeout(connection, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        }
        connection.setAutoCommit(false);
        LockRow.lock(connection);
        return previous;
    }

    /** Frees the lock; if that fails the connection is aborted, so a pool never keeps a locked session. */
    @Override
    public void close() {
        try {
            if (dialect == Dialect.POSTGRESQL) {
                try (var statement = connection.createStatement()) {
                    statement.execute("SELECT pg_advisory_unlock(" + ADVISORY_KEY + ")");
                }
            } else {
                connection.rollback();
                connection.setAutoCommit(true);
                if (previousH2Timeout != null) {
                    LockRow.setH2Timeout(connection, previousH2Timeout);
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("could not release the migration lock cleanly ({}); dropping its connection", e.toString());
            abort();
        } finally {
            Connections.closeQuietly(connection);
        }
    }

    private void abort() {
        try {
            connection.abort(DIRECT);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("could not abort the migration lock connection: {}", e.toString());
        }
    }
}
