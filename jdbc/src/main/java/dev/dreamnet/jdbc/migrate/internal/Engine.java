package dev.dreamnet.jdbc.migrate.internal;

import dev.dreamnet.core.time.Clock;
import dev.dreamnet.jdbc.Dialect;
import dev.dreamnet.jdbc.migrate.ChecksumMismatchException;
import dev.dreamnet.jdbc.migrate.Direction;
import dev.dreamnet.jdbc.migrate.DirtyMigrationException;
import dev.dreamnet.jdbc.migrate.Migration;
import dev.dreamnet.jdbc.migrate.MigrationEvent;
import dev.dreamnet.jdbc.migrate.MigrationException;
import dev.dreamnet.jdbc.migrate.MigrationInfo;
import dev.dreamnet.jdbc.migrate.MigrationListener;
import dev.dreamnet.jdbc.migrate.MigrationRun;
import dev.dreamnet.jdbc.migrate.MigrationSource;
import dev.dreamnet.jdbc.migrate.MigrationState;
import dev.dreamnet.jdbc.migrate.MigrationStatus;
import dev.dreamnet.jdbc.migrate.DirtyAction;
import dev.dreamnet.jdbc.migrate.RepairResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The migrator's runs: read history without a lock, and if there is work, take the lock, re-read and
 * do it step by step. Thread-safe (stateless between calls; the database lock orders concurrent runs).
 */
public final class Engine {

    private final DataSource dataSource;
    private final MigrationSource source;
    private final String appliedBy;
    private final Clock clock;
    private final MigrationListener listener;
    private final Duration lockTimeout;

    public Engine(DataSource dataSource, MigrationSource source, String appliedBy, Clock clock,
                  MigrationListener listener, Duration lockTimeout) {
        this.dataSource = dataSource;
        this.source = source;
        this.appliedBy = appliedBy;
        this.clock = clock;
        this.listener = listener;
        this.lockTimeout = lockTimeout;
    }

    public MigrationStatus status() {
        return UnlockedRead.plan(dataSource, source).status();
    }

    public MigrationRun up() {
        long start = clock.nanoTime();
        Optional<Plan> read = UnlockedRead.unlessUpToDate(dataSource, source);
        if (read.isEmpty()) {
            return new MigrationRun(Direction.UP, List.of(), since(start));
        }
        Plan unlocked = read.get();
        List<Migration> migrations = unlocked.migrations();
        // A dirty mark seen without the lock may be a step another instance is running right now
        // (regression: a thread on H2 refused while another held the lock mid-step): only the view
        // under the lock decides then.
        boolean maybeInProgress = !unlocked.inState(MigrationState.DIRTY).isEmpty();
        if (!maybeInProgress) {
            refuseBlocked(unlocked);
            if (unlocked.pending().isEmpty()) {
                return new MigrationRun(Direction.UP, List.of(), since(start));
            }
        }
        return locked("apply migrations", (work, dialect) -> {
            History.create(work);
            Plan plan = plan(migrations, work);
            refuseBlocked(plan);
            List<Migration> pending = plan.pending();
            StepRunner runner = new StepRunner(work, dialect, clock, appliedBy);
            return new MigrationRun(Direction.UP, runAll(Direction.UP, pending, runner), since(start));
        });
    }

    public MigrationRun down(long target) {
        long start = clock.nanoTime();
        List<Migration> migrations = source.load();
        return locked("roll back migrations", (work, dialect) -> {
            History.create(work);
            Plan plan = plan(migrations, work);
            List<Migration> toRevert = Rollback.checked(plan, target);
            StepRunner runner = new StepRunner(work, dialect, clock, appliedBy);
            return new MigrationRun(Direction.DOWN, runAll(Direction.DOWN, toRevert, runner), since(start));
        });
    }

    public RepairResult repair(DirtyAction action) {
        List<Migration> migrations = source.load();
        return locked("repair history", (work, dialect) -> {
            History.create(work);
            return Repair.run(work, plan(migrations, work), action);
        });
    }

    /** Runs the steps in order; whatever happens, the ones that completed are made durable before returning. */
    private List<MigrationRun.Step> runAll(Direction direction, List<Migration> migrations, StepRunner runner)
            throws SQLException {
        List<MigrationRun.Step> steps = new ArrayList<>();
        try {
            for (Migration migration : migrations) {
                steps.add(step(direction, migration, steps.size() + 1, migrations.size(), runner));
            }
        } catch (SQLException | RuntimeException e) {
            try {
                runner.flush();
            } catch (SQLException flushFailure) {
                e.addSuppressed(flushFailure);
            }
            throw e;
        }
        runner.flush();
        return steps;
    }

    private MigrationRun.Step step(Direction direction, Migration migration, int index, int total,
                                   StepRunner runner) throws SQLException {
        Listeners.tell(listener, new MigrationEvent.Starting(direction, migration.version(), migration.name(),
                index, total));
        long nanos = direction == Direction.UP ? runner.up(migration) : runner.down(migration);
        Duration took = Duration.ofNanos(nanos);
        Listeners.tell(listener, new MigrationEvent.Finished(direction, migration.version(), migration.name(),
                index, total, took));
        return new MigrationRun.Step(migration.version(), migration.name(), took);
    }

    private static void refuseBlocked(Plan plan) {
        List<MigrationInfo> dirty = plan.inState(MigrationState.DIRTY);
        if (!dirty.isEmpty()) {
            throw new DirtyMigrationException(dirty);
        }
        List<MigrationInfo> changed = plan.inState(MigrationState.CHANGED);
        if (!changed.isEmpty()) {
            throw new ChecksumMismatchException(changed);
        }
    }

    private static Plan plan(List<Migration> migrations, Connection connection) throws SQLException {
        return new Plan(migrations, History.read(connection).orElse(List.of()));
    }

    private <T> T locked(String what, LockedWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            Dialect dialect = Dialect.of(connection);
            Connections.unlimitedNetworkTimeout(connection);
            connection.setAutoCommit(true);
            try (MigrationLock lock = MigrationLock.acquire(dataSource, dialect, lockTimeout);
                 SessionSettings settings = SessionSettings.apply(connection, dialect)) {
                return work.run(connection, dialect);
            }
        } catch (SQLException e) {
            throw databaseError(what, e);
        }
    }

    private static MigrationException databaseError(String what, SQLException e) {
        return new MigrationException("cannot " + what + ": " + Steps.firstLine(e), e);
    }

    private Duration since(long startNanos) {
        return Duration.ofNanos(clock.nanoTime() - startNanos);
    }

    /** Work done on the work connection while the lock is held. */
    @FunctionalInterface
    private interface LockedWork<T> {
        T run(Connection work, Dialect dialect) throws SQLException;
    }
}
