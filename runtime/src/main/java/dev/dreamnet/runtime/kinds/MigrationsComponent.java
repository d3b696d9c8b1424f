package dev.dreamnet.runtime.kinds;

import dev.dreamnet.core.health.CheckResult;
import dev.dreamnet.core.health.HealthCheck;
import dev.dreamnet.core.startup.Component;
import dev.dreamnet.core.time.Clock;
import dev.dreamnet.jdbc.migrate.MigrationEvent;
import dev.dreamnet.jdbc.migrate.MigrationInfo;
import dev.dreamnet.jdbc.migrate.MigrationRun;
import dev.dreamnet.jdbc.migrate.MigrationSource;
import dev.dreamnet.jdbc.migrate.MigrationState;
import dev.dreamnet.jdbc.migrate.MigrationStatus;
import dev.dreamnet.jdbc.migrate.Migrator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code migrations} kind: on start, applies the pending migrations to the {@code database}
 * service's pool (instances racing at once apply each migration exactly once). Ready while nothing is
 * pending, dirty or changed. Thread-safe once started.
 */
public final class MigrationsComponent implements Component, HealthCheck {

    /** Where the reference service's own migrations live on the class path. */
    public static final String BUILT_IN_LOCATION = "db/migration";
    private static final Logger LOG = LoggerFactory.getLogger("dreamnet.migrations");

    private final Supplier<DataSource> dataSource;
    private final MigrationSource source;
    private final Clock clock;
    private final Duration lockTimeout;
    private volatile Migrator migrator;

    /**
     * {@code lockTimeout} bounds the wait for another instance's migration; the node's start timeout,
     * since a JDBC call does not answer the interrupt that cancels a timed-out start.
     */
    MigrationsComponent(Supplier<DataSource> dataSource, MigrationSource source, Clock clock, Duration lockTimeout) {
        this.dataSource = dataSource;
        this.source = source;
        this.clock = clock;
        this.lockTimeout = lockTimeout;
    }

    /**
     * The migrations at {@code location}: {@code filesystem:DIR} for a directory, otherwise a class path
     * location such as {@code db/migration} (also inside the shaded jar).
     */
    public static MigrationSource source(String location) {
        if (location.startsWith("filesystem:")) {
            return MigrationSource.directory(Path.of(location.substring("filesystem:".length())));
        }
        return MigrationSource.classpath(location, MigrationsComponent.class.getClassLoader());
    }

    @Override
    public void start() {
        Migrator candidate = Migrator.builder().dataSource(dataSource.get()).source(source).clock(clock)
                .progress(MigrationsComponent::log).lockTimeout(lockTimeout).build();
        MigrationRun run = candidate.up();
        migrator = candidate;
        LOG.info("{} migration(s) applied from {} in {} ms", run.steps().size(), source.description(),
                run.took().toMillis());
    }

    private static void log(MigrationEvent event) {
        if (event instanceof MigrationEvent.Finished finished) {
            LOG.info("applied V{} {} ({}/{}) in {} ms", finished.version(), finished.name(), finished.index(),
                    finished.total(), finished.took().toMillis());
        }
    }

    /** Passes while the schema is up to date: nothing pending, dirty or changed. */
    @Override
    public CheckResult check() {
        MigrationStatus status = migrator().status();
        if (status.upToDate()) {
            return CheckResult.pass("schema at V" + status.currentVersion() + ", nothing pending");
        }
        return CheckResult.fail(java.util.stream.Stream.of(MigrationState.DIRTY, MigrationState.CHANGED,
                MigrationState.PENDING).map(state -> describe(status, state)).filter(text -> !text.isEmpty())
                .collect(Collectors.joining("; ")));
    }

    private static String describe(MigrationStatus status, MigrationState state) {
        List<MigrationInfo> infos = status.inState(state);
        if (infos.isEmpty()) {
            return "";
        }
        return infos.size() + " " + state.name().toLowerCase(java.util.Locale.ROOT) + ": "
                + infos.stream().map(info -> "V" + info.version() + " " + info.name()).collect(Collectors.joining(", "));
    }

    /** The migrator; only valid once started. */
    public Migrator migrator() {
        Migrator current = migrator;
        if (current == null) {
            throw new IllegalStateException("migrations have not run yet");
        }
        return current;
    }
}
