package dev.dreamnet.runtime;

import dev.dreamnet.jdbc.H2Files;
import dev.dreamnet.runtime.kinds.DatabaseComponent;
import dev.dreamnet.runtime.kinds.Kinds;
import java.nio.file.Files;
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
 * service when it has one, otherwise a pool of DreamNet's own. The own pool is handed out only once it is open and
 * the toolkit's tables are in it: opened on first use, ahead of time by {@link #prepare()}, or after readiness by
 * {@link #openInBackground()} when it {@link #startsEmpty() starts empty}. Thread-safe.
 */
final class ToolkitStore {

    private static final Duration OPENING_AT_CLOSE = Duration.ofSeconds(10);

    private final Kinds kinds;
    private final String ownJdbcUrl;
    private final DatabaseComponent own;
    private final Executor background;
    private CompletableFuture<Void> opening; // guarded by this: the own pool being opened, or open, with its tables
    private Boolean startsEmpty; // guarded by this; decided once, before the own pool first opens
    private boolean closed; // guarded by this

    ToolkitStore(Kinds kinds, String ownJdbcUrl, Executor background) {
        this.kinds = kinds;
        this.ownJdbcUrl = ownJdbcUrl;
        this.own = new DatabaseComponent(ownJdbcUrl, "SELECT 1", Duration.ofSeconds(2));
        this.background = background;
    }

    DataSource dataSource() {
        Optional<DatabaseComponent> graphs = graphDatabase();
        if (graphs.isPresent()) {
            return graphs.get().dataSource();
        }
        CompletableFuture<Void> ready;
        synchronized (this) {
            if (closed && (opening == null || opening.isCompletedExceptionally())) {
                throw new IllegalStateException("DreamNet is shut down: its database is closed");
            }
            if (opening == null || opening.isCompletedExceptionally()) { // a failed opening is tried again
                opening = new CompletableFuture<>();
                ready = opening;
            } else {
                ready = null;
            }
        }
        if (ready != null) { // opened here, on the caller's thread
            try {
                openOwn();
                ready.complete(null);
            } catch (RuntimeException e) {
                ready.completeExceptionally(e);
                throw e;
            }
        }
        awaitOwn();
        return own.dataSource();
    }

    /**
     * Whether nothing is stored yet, so nothing needs restoring before traffic: the toolkit's state goes to DreamNet's
     * own embedded H2 file, and that file does not exist. Decided at the first call.
     */
    synchronized boolean startsEmpty() {
        if (startsEmpty == null) {
            startsEmpty = graphDatabase().isEmpty() && opening == null
                    && H2Files.dataFile(ownJdbcUrl).map(file -> !Files.exists(file)).orElse(false);
        }
        return startsEmpty;
    }

    /**
     * Opens the own pool and creates the tables in the background, unless the graph has a database or the store
     * {@link #startsEmpty() starts empty} (then {@link #openInBackground()} opens it after readiness).
     */
    synchronized void prepare() {
        if (opening != null || closed || graphDatabase().isPresent() || startsEmpty()) {
            return;
        }
        opening = CompletableFuture.runAsync(this::openOwn, background);
    }

    /** Opens the own pool with its tables in the background, if nothing has; completes once they are there. */
    synchronized CompletableFuture<Void> openInBackground() {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("DreamNet is shut down"));
        }
        if (opening == null) {
            opening = CompletableFuture.runAsync(this::openOwn, background);
        }
        return opening;
    }

    /** The tables exist once this returns: in the own pool (opened now if nothing has), or now in the graph's. */
    void ensureTables() throws Exception {
        Optional<DatabaseComponent> graphs = graphDatabase();
        if (graphs.isPresent()) {
            ToolkitSchema.ensure(graphs.get().dataSource());
            return;
        }
        dataSource();
    }

    /** Closes the own pool, after an opening under way has finished, so that it cannot reopen it. */
    synchronized void close() throws Exception {
        closed = true;
        if (opening != null) {
            opening.handle((done, failed) -> null).get(OPENING_AT_CLOSE.toMillis(), TimeUnit.MILLISECONDS);
        }
        own.stop();
    }

    private Optional<DatabaseComponent> graphDatabase() {
        return kinds.first(DatabaseComponent.class);
    }

    private void openOwn() {
        try {
            synchronized (own) {
                if (!own.isOpen()) {
                    own.start();
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("the toolkit's database cannot be opened: " + e.getMessage(), e);
        }
        try {
            ToolkitSchema.ensure(own.dataSource());
        } catch (SQLException e) {
            throw new IllegalStateException("the toolkit's tables cannot be created: " + e.getMessage(), e);
        }
    }

    private void awaitOwn() {
        CompletableFuture<Void> ready;
        synchronized (this) {
            ready = opening;
        }
        try {
            ready.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the toolkit's database opened", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new CompletionException(e.getCause());
        }
    }
}
