package dev.dreamnet.runtime;

import dev.dreamnet.jdbc.H2Files;
import dev.dreamnet.runtime.kinds.DatabaseComponent;
import dev.dreamnet.runtime.kinds.Kinds;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the toolkit keeps its state (audit log, rollouts, fleet registry, SLO minutes): the graph's {@code database}
 * service when it has one, otherwise a pool of DreamNet's own. The own pool is handed out only once it is open and
 * the toolkit's tables are in it: opened by the first caller that needs it, or ahead of time by {@link #prepare()}.
 * One with {@link #nothingToRestore() nothing to restore} is opened by its first caller only, so that an application
 * that never writes to it never opens it. A caller never waits on a queued task, only on the thread opening the pool.
 * Never reopened once closed. Thread-safe.
 *
 * <p>Only rollouts are restored before traffic. So that a restart need not open the own database file to learn that
 * it holds none, a clean close that leaves no rollout in it writes a marker file beside it ({@value #NO_ROLLOUTS}),
 * and opening the file removes the marker (durably) before anything can be written: while the marker exists the
 * file holds no rollout, and a crash while it was open leaves no marker, so the next start reads the file.
 */
final class ToolkitStore {

    private static final Logger LOG = LoggerFactory.getLogger(ToolkitStore.class);
    private static final Duration OPENING_AT_CLOSE = Duration.ofSeconds(10);
    /** The marker's suffix, in place of {@code .mv.db}. */
    static final String NO_ROLLOUTS = ".no-rollouts";
    private static final String MARKER_TEXT = "Written by DreamNet when it closed this database holding no rollout, "
            + "so that its next start need not open it before readiness. Removed when the database opens.\n";
    private static final String SHUT_DOWN = "DreamNet is shut down: its database is closed";

    private final Kinds kinds;
    private final String ownJdbcUrl;
    private final DatabaseComponent own; // its monitor guards opening and closing it
    private final Executor background;
    private final Optional<Path> ownFile; // the own database's data file, when it is an H2 file on disk
    private final Optional<Path> noRollouts; // the marker beside that file
    private volatile boolean ownReady; // open, with the tables in it
    private volatile boolean closed;
    private CompletableFuture<Void> opening; // guarded by this: prepare()'s opening, which close() waits for
    private Boolean nothingToRestore; // guarded by this; decided once

    ToolkitStore(Kinds kinds, String ownJdbcUrl, Executor background) {
        this.kinds = kinds;
        this.ownJdbcUrl = ownJdbcUrl;
        this.own = new DatabaseComponent(ownJdbcUrl, "SELECT 1", Duration.ofSeconds(2));
        this.background = background;
        this.ownFile = H2Files.dataFile(ownJdbcUrl);
        this.noRollouts = ownFile.map(ToolkitStore::marker);
    }

    /** The marker that says the database file {@code dataFile} ({@code <name>.mv.db}) holds no rollout. */
    static Path marker(Path dataFile) {
        String name = dataFile.getFileName().toString();
        return dataFile.resolveSibling(name.substring(0, name.length() - ".mv.db".length()) + NO_ROLLOUTS);
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
     * Whether nothing needs restoring before traffic: the toolkit's state goes to DreamNet's own embedded H2 file,
     * and that file does not exist yet or its marker says it holds no rollout. Decided at the first call.
     */
    synchronized boolean nothingToRestore() {
        if (nothingToRestore == null) {
            nothingToRestore = graphDatabase().isEmpty() && !ownReady && opening == null
                    && ownFile.isPresent() && (!Files.exists(ownFile.get()) || Files.exists(noRollouts.get()));
        }
        return nothingToRestore;
    }

    /**
     * Opens the own pool and creates the tables in the background, unless the graph has a database or there is
     * {@link #nothingToRestore() nothing to restore} (then its first caller opens it).
     */
    synchronized void prepare() {
        if (opening != null || closed || graphDatabase().isPresent() || nothingToRestore()) {
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

    /**
     * Closes the own pool, after a background opening under way has finished, so that nothing reopens it; marks the
     * file as holding no rollout when it holds none. Called once the rollouts' writers have stopped.
     */
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
            if (ownReady && noRollouts.isPresent()) {
                markIfNoRollouts(noRollouts.get());
            }
            own.stop();
        }
    }

    private void markIfNoRollouts(Path marker) {
        try (Connection c = own.dataSource().getConnection();
             ResultSet rows = c.createStatement().executeQuery("SELECT COUNT(*) FROM rollouts")) {
            if (rows.next() && rows.getLong(1) == 0) {
                try (FileChannel file = FileChannel.open(marker, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
                    file.write(ByteBuffer.wrap(MARKER_TEXT.getBytes(StandardCharsets.UTF_8)));
                    file.force(true);
                }
                syncDirectory(marker);
            }
        } catch (SQLException | IOException e) {
            // Without the marker the next start reads the file before readiness, as it would anyway.
            LOG.debug("{} not written: {}", marker, e.toString());
        }
    }

    /** Removes the marker before anything can be written to the file, durably: a rollout written next must be read. */
    private static void unmark(Path marker) {
        try {
            if (Files.deleteIfExists(marker)) {
                syncDirectory(marker);
            }
        } catch (IOException e) {
            throw new IllegalStateException("the toolkit's database cannot be opened: " + marker + " (which says it "
                    + "holds no rollout) cannot be removed: " + e.getMessage(), e);
        }
    }

    private static void syncDirectory(Path file) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            if (!System.getProperty("os.name", "").startsWith("Windows")) { // which cannot open a directory so
                throw e;
            }
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
            noRollouts.ifPresent(ToolkitStore::unmark);
            ownReady = true;
        }
    }
}
