package dev.dreamnet.jdbc.migrate;

import dev.dreamnet.core.time.Clock;
import dev.dreamnet.jdbc.migrate.internal.Engine;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Applies versioned migrations to a database and records them in {@code schema_migrations}. Only
 * pending migrations run, in version order, each in its own transaction where the database allows;
 * concurrent migrators (threads or processes) apply each migration exactly once. A run with nothing
 * pending reads one row (a digest of history the database computes) and takes no lock. Build one with
 * {@link #builder()}. Thread-safe: calls from several threads exclude each other through the database
 * lock like separate processes do.
 * Every method throws a {@link MigrationException} with a one-line message on failure.
 */
public final class Migrator {

    private final Engine engine;

    private Migrator(Engine engine) {
        this.engine = engine;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Every known and applied migration with its state; reads history, changes nothing, takes no lock. */
    public MigrationStatus status() {
        return engine.status();
    }

    /**
     * Applies every pending migration.
     *
     * @throws ChecksumMismatchException if an applied migration's file changed
     * @throws DirtyMigrationException   if an interrupted step awaits {@link #repair}
     * @throws MigrationFailedException  naming the migration, statement and database message
     */
    public MigrationRun up() {
        return engine.up();
    }

    /**
     * Reverts every applied migration above {@code targetVersion}, highest first, each with its down
     * step; {@code 0} reverts everything. Refused before anything runs if one of them has no down
     * step, is unknown here, changed or is dirty.
     */
    public MigrationRun down(long targetVersion) {
        if (targetVersion < 0) {
            throw new MigrationException("target version must be >= 0, was " + targetVersion);
        }
        return engine.down(targetVersion);
    }

    /** {@link #repair(DirtyAction)} with {@link DirtyAction#MARK_DONE}. */
    public RepairResult repair() {
        return repair(DirtyAction.MARK_DONE);
    }

    /**
     * Records the current checksum of every changed applied migration and resolves dirty marks as
     * {@code dirtyAction} says. Runs no migration; reports each change it made.
     */
    public RepairResult repair(DirtyAction dirtyAction) {
        return engine.repair(Objects.requireNonNull(dirtyAction, "dirtyAction"));
    }

    /** Builds a {@link Migrator}; {@code dataSource} and {@code source} are required. Not thread-safe. */
    public static final class Builder {
        private DataSource dataSource;
        private MigrationSource source;
        private String appliedBy;
        private Clock clock = Clock.system();
        private MigrationListener listener = MigrationListener.none();
        private Duration lockTimeout = Duration.ofMinutes(10);

        private Builder() {
        }

        /** Where to migrate; the migrator uses two connections at once (one holds the lock). */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = dataSource;
            return this;
        }

        public Builder source(MigrationSource source) {
            this.source = source;
            return this;
        }

        /** Who applies, recorded in history; defaults to {@code host/pid}. */
        public Builder appliedBy(String appliedBy) {
            this.appliedBy = appliedBy;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Told before and after each step. */
        public Builder progress(MigrationListener listener) {
            this.listener = listener;
            return this;
        }

        /** How long to wait for another migrator to finish (default 10 minutes). */
        public Builder lockTimeout(Duration lockTimeout) {
            this.lockTimeout = lockTimeout;
            return this;
        }

        public Migrator build() {
            require(dataSource != null, "dataSource is required");
            require(source != null, "source is required");
            require(clock != null, "clock is required");
            require(listener != null, "progress listener must not be null");
            require(lockTimeout != null && lockTimeout.toMillis() > 0, "lockTimeout must be > 0, was " + lockTimeout);
            String by = appliedBy == null ? defaultAppliedBy() : appliedBy;
            require(!by.isBlank() && by.length() <= 200, "appliedBy must be 1 to 200 characters, was \"" + by + "\"");
            return new Migrator(new Engine(dataSource, source, by, clock, listener, lockTimeout));
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }

        private static String defaultAppliedBy() {
            String host = System.getenv("HOSTNAME");
            if (host == null || host.isBlank()) {
                try {
                    host = InetAddress.getLocalHost().getHostName();
                } catch (UnknownHostException e) {
                    host = "unknown-host";
                }
            }
            return host + "/" + ProcessHandle.current().pid();
        }
    }
}
