package dev.dreamnet.runtime;

import dev.dreamnet.runtime.kinds.DatabaseComponent;
import dev.dreamnet.runtime.kinds.Kinds;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Where the toolkit keeps its state (audit log, rollouts, fleet registry, SLO minutes): the graph's {@code database}
 * service when it has one, otherwise a pool of DreamNet's own, opened on first use or ahead of time by
 * {@link #prepare()}. Thread-safe.
 */
final class ToolkitStore {

    private static final Duration PREPARE_AT_CLOSE = Duration.ofSeconds(10);

    private final Kinds kinds;
    private final DatabaseComponent own;
    private final Executor background;
    private CompletableFuture<Void> ownTables; // guarded by this
    private boolean closed; // guarded by this

    ToolkitStore(Kinds kinds, String ownJdbcUrl, Executor background) {
        this.kinds = kinds;
        this.own = new DatabaseComponent(ownJdbcUrl, "SELECT 1", Duration.ofSeconds(2));
        this.background = background;
    }

    DataSource dataSource() {
        Optional<DatabaseComponent> graphs = kinds.first(DatabaseComponent.class);
        if (graphs.isPresent()) {
            return graphs.get().dataSource();
        }
        synchronized (own) {
            if (!own.isOpen()) {
                try {
                    own.start();
                } catch (Exception e) {
                    throw new IllegalStateException("the toolkit's database cannot be opened: " + e.getMessage(), e);
                }
            }
        }
        return own.dataSource();
    }

    /** Opens the own database and creates the tables in the background, unless the graph has a database. */
    synchronized void prepare() {
        if (ownTables != null || closed || kinds.first(DatabaseComponent.class).isPresent()) {
            return;
        }
        ownTables = CompletableFuture.runAsync(() -> {
            try {
                ToolkitSchema.ensure(dataSource());
            } catch (SQLException e) {
                throw new CompletionException(e);
            }
        }, background);
    }

    /** The tables exist once this returns: created by {@link #prepare()}, or now in the graph's database. */
    void ensureTables() throws Exception {
        CompletableFuture<Void> prepared;
        synchronized (this) {
            prepared = ownTables;
        }
        if (prepared == null) {
            ToolkitSchema.ensure(dataSource());
            return;
        }
        try {
            prepared.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** Closes the own pool, after a background {@link #prepare()} has finished so that it cannot reopen it. */
    synchronized void close() throws Exception {
        closed = true;
        if (ownTables != null) {
            ownTables.handle((done, failed) -> null).get(PREPARE_AT_CLOSE.toMillis(), TimeUnit.MILLISECONDS);
        }
        own.stop();
    }
}
