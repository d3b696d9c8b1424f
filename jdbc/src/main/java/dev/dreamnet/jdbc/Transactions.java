package dev.dreamnet.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs units of JDBC work on pooled connections, and runs one again on another connection when its
 * connection turns out to be {@link LostConnection lost} before the work could have changed
 * anything, so that a pool whose connections were all cut at once (a database restart, a failover,
 * {@code pg_terminate_backend}) costs the caller nothing.
 *
 * <p>When a retry is certain to be safe:
 * <ul>
 *   <li>{@link #write} runs the work in one transaction and retries only a failure before its
 *       {@code COMMIT} was sent: a transaction whose {@code COMMIT} never reached the database can
 *       never commit, whatever happened to the statements before it. A failing {@code COMMIT} is
 *       never retried: the database may have committed and lost only the answer.</li>
 *   <li>{@link #writeIdempotent} retries a failing {@code COMMIT} as well, for work that makes a second
 *       copy impossible.</li>
 *   <li>{@link #read} runs work that changes nothing, so it is retried whenever its connection is lost.</li>
 * </ul>
 * A failure to get a connection is not retried here: the pool has waited for one already.
 * At most {@code maxAttempts} tries: give one more than the pool's size, since each lost connection
 * fails once and is then evicted by the pool (HikariCP evicts on the same SQLStates), so a pool of n
 * can hand out at most n lost connections. Thread-safe (stateless beyond the pool).
 */
public final class Transactions {

    private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);

    /** JDBC work on a connection it must not close or commit. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final int maxAttempts;

    /** @param maxAttempts tries in all, the first included: one more than the pool's maximum size */
    public Transactions(DataSource dataSource, int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
        }
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource must not be null");
        this.maxAttempts = maxAttempts;
    }

    /** The pool the work runs on. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Runs {@code work} in one transaction and commits it; see the class comment for when it is retried. */
    public <T> T write(Work<T> work) throws SQLException {
        return write(work, false);
    }

    /**
     * As {@link #write}, and retried also when its {@code COMMIT} fails on a lost connection, when the
     * database may or may not have committed. {@code work} must therefore be idempotent: a second run
     * after a first that committed must change nothing and fail or answer as the first, e.g. by
     * inserting again under the key the first run took, so that the database refuses the copy.
     */
    public <T> T writeIdempotent(Work<T> work) throws SQLException {
        return write(work, true);
    }

    private <T> T write(Work<T> work, boolean idempotent) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                T result;
                try {
                    connection.setAutoCommit(false);
                    result = work.run(connection);
                } catch (SQLException failure) {
                    rollback(connection, failure);
                    if (retries(attempt, failure)) {
                        continue;
                    }
                    throw failure;
                }
                try {
                    connection.commit();
                } catch (SQLException failure) {
                    if (idempotent && retries(attempt, failure)) {
                        continue;
                    }
                    throw failure;
                }
                return result;
            }
        }
    }

    /** Runs {@code work}, which must change nothing, and retries it on a lost connection. */
    public <T> T read(Work<T> work) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            Connection connection = dataSource.getConnection();
            try (connection) {
                return work.run(connection);
            } catch (SQLException failure) {
                if (!retries(attempt, failure)) {
                    throw failure;
                }
            }
        }
    }

    private boolean retries(int attempt, SQLException failure) {
        if (attempt >= maxAttempts || !LostConnection.is(failure)) {
            return false;
        }
        LOG.info("database: connection lost (SQLState {}); trying again on another connection ({} of at most {} tries)",
                failure.getSQLState(), attempt + 1, maxAttempts);
        return true;
    }

    private static void rollback(Connection connection, SQLException failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
