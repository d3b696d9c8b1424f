package dev.dreamnet.jdbc.migrate.internal;

import dev.dreamnet.core.time.Clock;
import dev.dreamnet.jdbc.Dialect;
import dev.dreamnet.jdbc.migrate.Migration;
import dev.dreamnet.jdbc.migrate.MigrationFailedException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one step of one migration on the work connection and records it in history. Three ways:
 * in one transaction with its history row; non-transactional (declared), with the row marked dirty
 * before and cleared after; and guarded, for databases where DDL commits by itself (H2): dirty mark,
 * then the step in a transaction, with the mark removed again when the failure left nothing committed.
 * Not thread-safe: one per run.
 */
public final class StepRunner {

    private static final Logger LOG = LoggerFactory.getLogger(StepRunner.class);

    private final Connection connection;
    private final Dialect dialect;
    private final Clock clock;
    private final String appliedBy;
    private boolean unflushed;

    public StepRunner(Connection connection, Dialect dialect, Clock clock, String appliedBy) {
        this.connection = connection;
        this.dialect = dialect;
        this.clock = clock;
        this.appliedBy = appliedBy;
    }

    /** Applies {@code migration} and writes its history row; returns the nanoseconds it took. */
    public long up(Migration migration) throws SQLException {
        long start = clock.nanoTime();
        long appliedAt = clock.wallMillis();
        if (!migration.transactional()) {
            History.insert(connection, migration, appliedAt, 0, appliedBy, HistoryRow.DIRTY_UP);
            runAutoCommit(migration, true);
            History.setState(connection, migration.version(), HistoryRow.APPLIED, millisSince(start));
        } else if (guarded(migration, true)) {
            History.insert(connection, migration, appliedAt, 0, appliedBy, HistoryRow.DIRTY_UP);
            runGuarded(migration, true, () -> History.setState(connection, migration.version(), HistoryRow.APPLIED,
                    millisSince(start)), () -> History.delete(connection, migration.version()));
        } else {
            runInTransaction(migration, true,
                    () -> History.insert(connection, migration, appliedAt, millisSince(start), appliedBy,
                            HistoryRow.APPLIED));
        }
        return clock.nanoTime() - start;
    }

    /** Reverts {@code migration} and deletes its history row; returns the nanoseconds it took. */
    public long down(Migration migration) throws SQLException {
        long start = clock.nanoTime();
        long version = migration.version();
        if (!migration.downTransactional()) {
            History.setState(connection, version, HistoryRow.DIRTY_DOWN, 0);
            runAutoCommit(migration, false);
            History.delete(connection, version);
        } else if (guarded(migration, false)) {
            History.setState(connection, version, HistoryRow.DIRTY_DOWN, 0);
            runGuarded(migration, false, () -> History.delete(connection, version),
                    () -> History.setState(connection, version, HistoryRow.APPLIED, 0));
        } else {
            runInTransaction(migration, false, () -> History.delete(connection, version));
        }
        return clock.nanoTime() - start;
    }

    /**
     * On PostgreSQL a step's commit does not wait for its WAL to reach disk: a crash can lose only whole
     * steps together with their history rows, never half of one. {@link #flush()} makes them all durable
     * and the engine calls it before a run returns; a later synchronous commit flushes them too.
     */
    private void relaxCommit() throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL synchronous_commit = off");
            }
            unflushed = true;
        }
    }

    /** Waits until every step committed so far is on disk: one synchronous commit of a transaction with an id. */
    public void flush() throws SQLException {
        if (!unflushed) {
            return;
        }
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT txid_current()");
            connection.commit();
            unflushed = false;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private boolean guarded(Migration migration, boolean up) {
        return !dialect.transactionalDdl() && Steps.maySelfCommit(migration, up);
    }

    private void runInTransaction(Migration migration, boolean up, SqlAction record) throws SQLException {
        connection.setAutoCommit(false);
        try {
            relaxCommit();
            Steps.run(connection, migration, up);
            record.run();
            connection.commit();
        } catch (Steps.Failure failure) {
            rollback();
            throw failed(migration, up, failure, false);
        } catch (SQLException | RuntimeException e) {
            rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private void runAutoCommit(Migration migration, boolean up) {
        try {
            connection.setAutoCommit(true);
            Steps.run(connection, migration, up);
        } catch (Steps.Failure failure) {
            throw failed(migration, up, failure, true);
        } catch (SQLException e) {
            throw failed(migration, up, new Steps.Failure(-1, "(setting auto-commit)", e), true);
        }
    }

    private void runGuarded(Migration migration, boolean up, SqlAction record, SqlAction undoMark)
            throws SQLException {
        try {
            runInTransaction(migration, up, record);
        } catch (MigrationFailedException e) {
            Steps.Failure failure = (Steps.Failure) e.getCause();
            if (!Steps.nothingCommitted(migration, up, failure)) {
                throw failed(migration, up, failure, true);
            }
            undoMark.run();
            throw e;
        }
    }

    private MigrationFailedException failed(Migration migration, boolean up, Steps.Failure failure, boolean dirty) {
        String location = migration instanceof SqlMigration sql ? sql.script(up).location() : migration.location();
        return new MigrationFailedException(migration, location, Steps.shown(failure.statement),
                Steps.firstLine(failure.error), dirty, failure);
    }

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // The step's own error is the one worth reporting; a dead connection rolls back anyway.
            LOG.debug("rollback after a failed step failed too: {}", e.toString());
        }
    }

    private long millisSince(long startNanos) {
        return (clock.nanoTime() - startNanos) / 1_000_000L;
    }

    /** A database action that may throw. */
    @FunctionalInterface
    interface SqlAction {
        void run() throws SQLException;
    }
}
