package dev.dreamnet.jdbc.migrate.internal;

import dev.dreamnet.jdbc.migrate.Migration;
import dev.dreamnet.jdbc.migrate.MigrationException;
import dev.dreamnet.jdbc.migrate.MigrationSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import javax.sql.DataSource;

/**
 * The migrations and the history, read without the lock and at the same time: the files on a
 * short-lived thread while the calling thread connects and queries, so a run costs the slower of the
 * two, not their sum. Stateless and thread-safe.
 */
final class UnlockedRead {

    private UnlockedRead() {
    }

    /** The full plan: every migration and every history row. */
    static Plan plan(DataSource dataSource, MigrationSource source) {
        return read(dataSource, source, false).orElseThrow();
    }

    /**
     * Empty when the {@link HistoryDigest} alone shows every migration applied, unchanged, and nothing
     * else recorded or dirty (one short row instead of the whole history); the full plan otherwise.
     */
    static Optional<Plan> unlessUpToDate(DataSource dataSource, MigrationSource source) {
        return read(dataSource, source, true);
    }

    private static Optional<Plan> read(DataSource dataSource, MigrationSource source, boolean digestFirst) {
        FutureTask<List<Migration>> loading = new FutureTask<>(source::load);
        Thread loader = new Thread(loading, "dreamnet-migrations-load");
        loader.setDaemon(true);
        loader.start();
        try (Connection connection = dataSource.getConnection()) {
            Optional<HistoryDigest> recorded = digestFirst ? HistoryDigest.read(connection) : Optional.empty();
            List<Migration> migrations = loaded(loading);
            if (recorded.isPresent() && recorded.equals(HistoryDigest.of(migrations))) {
                return Optional.empty();
            }
            return Optional.of(new Plan(migrations, History.read(connection).orElse(List.of())));
        } catch (SQLException e) {
            throw new MigrationException("cannot read " + History.TABLE + ": " + Steps.firstLine(e), e);
        }
    }

    private static List<Migration> loaded(FutureTask<List<Migration>> loading) {
        try {
            return loading.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationException("interrupted while reading migrations", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new MigrationException("cannot read migrations: " + e.getCause(), e.getCause());
        }
    }
}
