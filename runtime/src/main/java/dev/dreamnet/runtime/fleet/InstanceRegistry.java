package dev.dreamnet.runtime.fleet;

import dev.dreamnet.core.flags.FlagSnapshot;
import dev.dreamnet.core.time.Clock;
import dev.dreamnet.core.time.Repeating;
import dev.dreamnet.core.time.Scheduler;
import dev.dreamnet.runtime.resilience.Downstreams;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's row in the {@code instances} table: a heartbeat every two seconds with the
 * configuration and flag-state versions it runs. Every instance sharing the database reads the same
 * table, so {@code /api/observability/fleet} shows each live one and whether they have converged.
 * While the toolkit's store is not open (a new embedded store opens at its first write, and only one process can
 * open it), this instance is the only one it could list: it is kept in memory, a heartbeat does not open the store,
 * and the first heartbeat after something else opened it writes the row. Thread-safe.
 */
public final class InstanceRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(InstanceRegistry.class);
    static final Duration HEARTBEAT = Duration.ofSeconds(2);
    /** An instance whose last heartbeat is older than this is not live. */
    public static final Duration LIVE_WITHIN = Duration.ofSeconds(10);
    private static final Duration FORGET_AFTER = Duration.ofHours(1);

    /** One row: who, where, since when, last heard, and the versions it runs. */
    public record Instance(String id, String address, long startedAtMillis, long heartbeatAtMillis,
                           String configVersion, long stateVersion) {
    }

    private final String id;
    private final Supplier<String> address;
    private final long startedAtMillis;
    private final Supplier<DataSource> dataSource;
    private final BooleanSupplier storeOpen;
    private final Supplier<FlagSnapshot> flags;
    private final Downstreams downstreams;
    private final Clock clock;
    private final Repeating heartbeats;
    private final Executor executor;
    private volatile String lastError;
    private volatile boolean started; // a registry never started has no row to remove

    /** @param storeOpen whether {@code dataSource} can be used without opening the store */
    public InstanceRegistry(String id, Supplier<String> address, Supplier<DataSource> dataSource,
                            BooleanSupplier storeOpen, Supplier<FlagSnapshot> flags, Downstreams downstreams,
                            Clock clock, Scheduler scheduler, Executor executor) {
        this.id = id;
        this.address = address;
        this.startedAtMillis = clock.wallMillis();
        this.dataSource = dataSource;
        this.storeOpen = storeOpen;
        this.flags = flags;
        this.downstreams = downstreams;
        this.clock = clock;
        this.executor = executor;
        this.heartbeats = new Repeating(clock, scheduler, executor, HEARTBEAT, this::beat);
    }

    /** host-pid-random: unique per process, readable in a list. */
    public static String newId() {
        return hostName() + "-" + ProcessHandle.current().pid() + "-"
                + Integer.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextInt(0x10000));
    }

    /**
     * This machine's name, or {@code localhost} when it cannot be told: the {@code HOSTNAME} variable that containers
     * and Kubernetes set, else the kernel's name for the machine (on Linux), else the name Java resolves. The name is
     * read, not looked up, where it can be: {@code InetAddress.getLocalHost()} also resolves the name's address, which
     * on a machine with a misconfigured resolver waits for DNS to time out, seconds in which the runtime, and the
     * application's start with it, waited too.
     */
    public static String hostName() {
        return hostName(System.getenv("HOSTNAME"), Path.of("/proc/sys/kernel/hostname"));
    }

    static String hostName(String variable, Path kernelName) {
        if (isName(variable)) {
            return variable.strip();
        }
        try {
            String kernel = Files.isReadable(kernelName) ? Files.readString(kernelName) : null;
            if (isName(kernel)) {
                return kernel.strip();
            }
        } catch (IOException | RuntimeException unreadable) {
            // not Linux, or not allowed: Java's own answer below
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }

    /** A single word: a host name, not an empty or multi-line value. */
    private static boolean isName(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        String name = value.strip();
        for (int i = 0; i < name.length(); i++) {
            if (Character.isWhitespace(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    public String id() {
        return id;
    }

    /** Writes the first heartbeat, then one every two seconds. */
    public void start() {
        started = true;
        beat();
        heartbeats.start();
    }

    /**
     * Stops the heartbeats and removes this instance's row, so it leaves the fleet at once; does nothing
     * more when {@link #start()} never ran (a refused configuration or a failed startup), as no row was written.
     */
    public void stop() {
        heartbeats.stop();
        if (!started || !storeOpen.getAsBoolean()) {
            return;
        }
        try {
            downstreams.call(Downstreams.DATABASE, () -> delete(id));
        } catch (Exception e) {
            LOG.warn("fleet: could not remove instance {} ({}); it ages out in {} s", id, e.getMessage(),
                    LIVE_WITHIN.toSeconds());
        }
    }

    /**
     * Writes a heartbeat now, off the caller's thread, once started: this instance has just followed a new version, or
     * learnt where it answers. Before {@link #start()} it writes nothing, as {@link #stop()} would not remove the row.
     */
    public void beatSoon() {
        if (started) {
            executor.execute(this::beat);
        }
    }

    /**
     * Whether every live instance runs state version {@code latest} or later and all run one
     * configuration; false when the table cannot be read.
     */
    public boolean converged(long latest) {
        try {
            List<Instance> live = live();
            return !live.isEmpty() && live.stream().allMatch(i -> i.stateVersion() >= latest)
                    && live.stream().map(Instance::configVersion).distinct().count() == 1;
        } catch (Exception e) {
            return false;
        }
    }

    /** The last heartbeat's failure, or null when it was written. */
    public String lastError() {
        return lastError;
    }

    private synchronized void beat() {
        if (!storeOpen.getAsBoolean()) {
            return;
        }
        Instance self = self();
        try {
            downstreams.call(Downstreams.DATABASE, () -> save(self));
            lastError = null;
        } catch (Exception e) {
            if (lastError == null) {
                LOG.warn("fleet: heartbeat failed: {}", e.getMessage());
            }
            lastError = e.getMessage();
        }
    }

    /** This instance as its heartbeat writes it now. */
    private Instance self() {
        FlagSnapshot snapshot = flags.get();
        return new Instance(id, address.get(), startedAtMillis, clock.wallMillis(), snapshot.configVersion(),
                snapshot.state().version());
    }

    /**
     * Every instance heard from within {@link #LIVE_WITHIN}, oldest first; forgets long-dead rows. This instance alone
     * while the store is not open.
     */
    public List<Instance> live() throws Exception {
        if (!storeOpen.getAsBoolean()) {
            return List.of(self());
        }
        long now = clock.wallMillis();
        return downstreams.call(Downstreams.DATABASE, () -> {
            List<Instance> live = new ArrayList<>();
            for (Instance instance : all()) {
                if (now - instance.heartbeatAtMillis() <= LIVE_WITHIN.toMillis()) {
                    live.add(instance);
                } else if (now - instance.heartbeatAtMillis() > FORGET_AFTER.toMillis()) {
                    delete(instance.id());
                }
            }
            return live;
        });
    }

    private boolean save(Instance self) throws SQLException {
        try (Connection c = dataSource.get().getConnection()) {
            try (PreparedStatement update = c.prepareStatement("UPDATE instances SET address = ?, heartbeat_at_ms = ?, "
                    + "config_version = ?, state_version = ? WHERE id = ?")) {
                update.setString(1, self.address());
                update.setLong(2, self.heartbeatAtMillis());
                update.setString(3, self.configVersion());
                update.setLong(4, self.stateVersion());
                update.setString(5, self.id());
                if (update.executeUpdate() == 1) {
                    return true;
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO instances (id, address, started_at_ms, "
                    + "heartbeat_at_ms, config_version, state_version) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, self.id());
                insert.setString(2, self.address());
                insert.setLong(3, self.startedAtMillis());
                insert.setLong(4, self.heartbeatAtMillis());
                insert.setString(5, self.configVersion());
                insert.setLong(6, self.stateVersion());
                return insert.executeUpdate() == 1;
            }
        }
    }

    private List<Instance> all() throws SQLException {
        try (Connection c = dataSource.get().getConnection();
             PreparedStatement select = c.prepareStatement("SELECT id, address, started_at_ms, heartbeat_at_ms, "
                     + "config_version, state_version FROM instances ORDER BY started_at_ms, id");
             ResultSet rows = select.executeQuery()) {
            List<Instance> all = new ArrayList<>();
            while (rows.next()) {
                all.add(new Instance(rows.getString(1), rows.getString(2), rows.getLong(3), rows.getLong(4),
                        rows.getString(5), rows.getLong(6)));
            }
            return all;
        }
    }

    private boolean delete(String instance) throws SQLException {
        try (Connection c = dataSource.get().getConnection();
             PreparedStatement delete = c.prepareStatement("DELETE FROM instances WHERE id = ?")) {
            delete.setString(1, instance);
            return delete.executeUpdate() == 1;
        }
    }
}
