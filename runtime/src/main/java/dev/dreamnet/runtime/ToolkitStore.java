package dev.dreamnet.runtime;

import dev.dreamnet.jdbc.H2Files;
import dev.dreamnet.runtime.kinds.DatabaseComponent;
import dev.dreamnet.runtime.kinds.Kinds;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Where the toolkit keeps its state (audit log, rollouts, fleet registry, SLO minutes): the graph's {@code database}
 * service when it has one, otherwise a pool of DreamNet's own. The own pool is handed out only once it is open and
 * the toolkit's tables are in it: opened by the first caller that needs it, or ahead of time by {@link #prepare()}.
 * One that {@link #startsEmpty() starts empty} is opened by its first caller only, so that an application that never
 * writes to it never opens it. A caller never waits on a queued task, only on the thread opening the pool. Never
 * reopened once closed. Thread-safe.
 */
final class ToolkitStore {

    private static final Duration OPENING_AT_CLOSE = Duration.ofSeconds(10);
    private static final String SHUT_DOWN = "DreamNet is shut down: its database is closed";

    private final Kinds kinds;
    private final String ownJdbcUrl;
    private final DatabaseComponent own; // its monitor guards opening and closing it
    private final Executor background;
    private volatile boolean ownReady; // open, with the tables in it
    private volatile boolean closed;
    private CompletableFuture<Void> opening; // guarded by this: prepare()'s opening, which close() waits for
    private Boolean startsEmpty; // guarded by this; decided once

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
        if (!ownReady) {
            openOwn();
        }
        return own.dataSource();
    }

    /**
     * Whether nothing is stored yet, so nothing needs restoring before traffic: the toolkit's state goes to DreamNet's
     * own embedded H2 file, and that file does not exist. Decided at the first call.
     */
    synchronized boolean startsEmpty() {
        if (startsEmpty == null) {
            startsEmpty = graphDatabase().isEmpty() && !ownReady && opening == null
                    && H2Files.dataFile(ownJdbcUrl).map(file -> !Files.exists(file)).orElse(false);
        }
        return startsEmpty;
    }

    /**
     * Opens the own pool and creates the tables in the background, unless the graph has a database or the store
     * {@link #startsEmpty() starts empty} (then its first caller opens it).
     */
    synchronized void prepare() {
        if (opening != null || closed || graphDatabase().isPresent() || startsEmpty()) {
            return;
        }
        opening = CompletableFuture.runAsync(this::openOwn, background);
    }

    /** Whether the store can be used without opening anything: the graph's database, or the own pool once open. */
    boolean isOpen() {
        return !closed && (ownReady || graphDatabase().isPresent());
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

    /** Closes the own pool, after a background opening under way has finished, so that nothing reopens it. */
    void close() throws Exception {
        CompletableFuture<Void> underWay;
        synchronized (this) {
            closed = true;
            underWay = opening;
        }
        if (underWay != null) {
            underWay.handle((done, failed) -> null).get(OPENING_AT_CLOSE.toMillis(), TimeUnit.MILLISECONDS);
        }
        synchronized (own) {
            own.stop();
        }
    }

    private Optional<DatabaseComponent> graphDatabase() {
        return kinds.first(DatabaseComponent.class);
    }

    /** Idempotent; a failed opening leaves the pool to be opened again by the next caller. */
    private void openOwn() {
        synchronized (own) {
            if (ownReady) {
                return;
            }
            if (closed) {
                throw new IllegalStateException(SHUT_DOWN);
            }
            try {
                if (!own.isOpen()) {
                    own.start();
                }
            } catch (Exception e) {
                throw new IllegalStateException("the toolkit's database cannot be opened: " + e.getMessage(), e);
            }
            try {
                ToolkitSchema.ensure(own.dataSource());
            } catch (SQLException e) {
                throw new IllegalStateException("the toolkit's tables cannot be created: " + e.getMessage(), e);
            }
            ownReady = true;
        }
    }
}
