package dev.dreamnet.runtime.fleet;

import dev.dreamnet.core.breaker.CircuitBreaker;
import dev.dreamnet.core.breaker.CircuitBreakerSnapshot;
import dev.dreamnet.core.flags.FlagState;
import dev.dreamnet.core.time.Clock;
import dev.dreamnet.runtime.resilience.Downstreams;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operators' runtime state shared by every instance on one PostgreSQL database: the
 * {@code shared_state} row (mode, kill switches, overrides, quarantined agents) and the fleet-wide
 * state version that every shared change raises by one, rollouts included. A change is one
 * transaction that locks the row, applies the change to what the database holds (not to this
 * instance's copy), writes its audit entry, and sends a {@code NOTIFY}. The writer installs what it
 * committed ({@link Committed}) itself; every instance follows every version ({@link Follower}) from
 * its own connection ({@link StateListener}), so data flows one way: a writer never gets its own
 * change back through a follower while it writes. Each instance evaluates its local snapshot, so the
 * hot path never touches the database.
 *
 * <p>Thread-safe: following is serialised on {@code this}.
 */
public final class SharedState {

    private static final Logger LOG = LoggerFactory.getLogger(SharedState.class);
    /** The channel every change is announced on; the payload is the new version. */
    public static final String CHANNEL = "dreamnet_state";

    /** Told, in order, of every version this instance catches up on; reads more on {@code c} if it needs to. */
    public interface Follower {
        void follow(Connection c, long fromVersion, Row row) throws SQLException;
    }

    /** The work of one change, inside its transaction. */
    public interface Work<T> {
        T apply(Change change) throws SQLException;
    }

    /**
     * The shared row as read: its version, the operators' state (with that version) and their pin of automatic
     * brownout (null when automatic brownout decides).
     */
    public record Row(long version, FlagState flags, long changedAtMillis, String changedBy, Pin pin) {
    }

    /** An operator's pin of automatic brownout: who set it, and why. */
    public record Pin(String by, String reason) {
    }

    /**
     * What a change committed: the work's result and the shared row as it now stands, for the writer to install (as it
     * stood, for a change the work cancelled).
     */
    public record Committed<T>(T result, Row row) {
    }

    /** One change in progress: the connection of its transaction, the state before, and the version it writes. */
    public static final class Change {
        private final Connection connection;
        private final Row before;
        private FlagState flags;
        private Pin pin;
        private boolean cancelled;

        Change(Connection connection, Row before) {
            this.connection = connection;
            this.before = before;
            this.flags = before.flags();
            this.pin = before.pin();
        }

        public Connection connection() {
            return connection;
        }

        /** The operators' state as the database holds it, locked until the change commits. */
        public FlagState flags() {
            return flags;
        }

        public void writeFlags(FlagState next) {
            this.flags = next;
        }

        /** The operators' pin of automatic brownout as the database holds it; null when there is none. */
        public Pin pin() {
            return pin;
        }

        /** Sets the pin, or clears it with null. */
        public void writePin(Pin next) {
            this.pin = next;
        }

        /** Ends the change with nothing written: the transaction is rolled back, no version raised, nothing announced. */
        public void cancel() {
            this.cancelled = true;
        }

        /** The version this change writes: one above the one before. */
        public long version() {
            return before.version() + 1;
        }
    }

    /**
     * What the endpoints show: connected or stale since when; whether an operator's change can be written now, which
     * it cannot while the database's breaker is open even once connected again (and from when a trial write is let
     * through, unless an operator forced the breaker open); the version followed; whether this instance judges rollouts.
     */
    public record Status(String store, boolean connected, boolean stale, boolean writable, Instant writesRefusedUntil,
                         long version, Instant lastSync, Instant staleSince, String lastError, boolean judge,
                         Long lastFollowLagMs) {
    }

    private final Supplier<DataSource> pool;
    private final Downstreams downstreams;
    private final Clock clock;
    private final String instance;
    private final List<Follower> followers = new CopyOnWriteArrayList<>();
    private final List<Consumer<Boolean>> staleListeners = new CopyOnWriteArrayList<>();
    private long followed = -1; // guarded by this
    private volatile long lastSyncMillis = -1;
    private volatile long staleSinceMillis = -1;
    private volatile long lastFollowLagMillis = -1;
    private volatile boolean connected;
    private volatile boolean judge;
    private volatile String lastError;

    public SharedState(Supplier<DataSource> pool, Downstreams downstreams, Clock clock, String instance) {
        this.pool = pool;
        this.downstreams = downstreams;
        this.clock = clock;
        this.instance = instance;
    }

    public void addFollower(Follower follower) {
        followers.add(follower);
    }

    /**
     * Tells {@code listener} {@code true} when this instance loses the shared state (it serves its last
     * known state, stale) and {@code false} when it follows it again; called on the listener's thread,
     * once per transition.
     */
    public void onStale(Consumer<Boolean> listener) {
        staleListeners.add(listener);
    }

    private void tellStale(boolean stale) {
        for (Consumer<Boolean> listener : staleListeners) {
            try {
                listener.accept(stale);
            } catch (RuntimeException e) {
                LOG.warn("shared state: a staleness listener failed: {}", e.toString());
            }
        }
    }

    /** Catches up once through the pool; an instance is not ready before it holds the fleet's state. */
    public void start() throws Exception {
        downstreams.call(Downstreams.DATABASE, () -> {
            try (Connection c = pool.get().getConnection()) {
                follow(c);
            }
            return null;
        });
        connected = true;
    }

    /**
     * Applies {@code work} in one transaction on the locked shared row, raises the version and
     * announces it. The caller installs what was committed before it answers, so its next read sees its
     * own change; this instance's followers get the version later, like every other instance's.
     *
     * @throws SharedStateUnavailableException when the database cannot be reached: nothing was changed anywhere
     */
    public <T> Committed<T> commit(Work<T> work, String actor) {
        try {
            return downstreams.call(Downstreams.DATABASE, () -> {
                try (Connection c = pool.get().getConnection()) {
                    return inTransaction(c, work, actor);
                }
            });
        } catch (Exception e) {
            lastError = e.getMessage();
            throw new SharedStateUnavailableException("the change was refused and nothing was "
                    + "changed on any instance: the shared state in PostgreSQL cannot be written (" + e.getMessage()
                    + "); every instance keeps serving with its last known state"
                    + staleSince()
                    + "; retry once the database is back", e);
        }
    }

    private <T> Committed<T> inTransaction(Connection c, Work<T> work, String actor) throws SQLException {
        c.setAutoCommit(false);
        try {
            Row before = SharedRow.read(c, true);
            Change change = new Change(c, before);
            T result = work.apply(change);
            if (change.cancelled) {
                c.rollback();
                return new Committed<>(result, before);
            }
            Row after = SharedRow.write(c, change, actor, clock.wallMillis());
            try (PreparedStatement notify = c.prepareStatement("SELECT pg_notify(?, ?)")) {
                notify.setString(1, CHANNEL);
                notify.setString(2, Long.toString(change.version()));
                notify.execute();
            }
            c.commit();
            return new Committed<>(result, after);
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** Reads the shared row on {@code c} and, if it is newer than what this instance follows, tells every follower. */
    synchronized void follow(Connection c) throws SQLException {
        Row row = SharedRow.read(c, false);
        if (row.version() > followed) {
            for (Follower follower : followers) {
                follower.follow(c, followed, row);
            }
            if (followed >= 0) {
                LOG.debug("shared state: followed version {} -> {}", followed, row.version());
            }
            followed = row.version();
            // From the change's timestamp, taken in its transaction on whichever instance made it, to now.
            lastFollowLagMillis = row.changedAtMillis() > 0 ? Math.max(0, clock.wallMillis() - row.changedAtMillis()) : -1;
        }
        lastSyncMillis = clock.wallMillis();
    }

    void connected(boolean judging) {
        boolean wasStale = !connected;
        if (wasStale) {
            LOG.info("shared state: connected again (stale since {}); caught up at version {}",
                    staleSinceMillis < 0 ? "-" : Instant.ofEpochMilli(staleSinceMillis), version());
        }
        connected = true;
        judge = judging;
        staleSinceMillis = -1;
        lastError = null;
        if (wasStale) {
            tellStale(false);
        }
    }

    void disconnected(String error) {
        boolean wasConnected = connected;
        if (wasConnected) {
            staleSinceMillis = lastSyncMillis < 0 ? clock.wallMillis() : lastSyncMillis;
            LOG.warn("shared state: lost PostgreSQL ({}); serving with version {}, stale since {}", error, version(),
                    Instant.ofEpochMilli(staleSinceMillis));
        }
        connected = false;
        judge = false;
        lastError = error;
        if (wasConnected) {
            tellStale(true);
        }
    }

    /** Whether this instance does not follow the shared state now (lost, or not reached yet): it serves its last one. */
    public boolean stale() {
        return !connected;
    }

    /** The version this instance follows (-1 before the first read). */
    public synchronized long version() {
        return followed;
    }

    /** Whether this instance holds the judge's lock and may promote rollouts. */
    public boolean judge() {
        return judge;
    }

    public Status status() {
        boolean stale = !connected;
        CircuitBreakerSnapshot breaker = downstreams.breaker(Downstreams.DATABASE).snapshot();
        // An open breaker lets a trial write through once its timeout has passed, though it still says OPEN until then.
        boolean refusing = breaker.state() == CircuitBreaker.State.FORCED_OPEN
                || breaker.state() == CircuitBreaker.State.OPEN
                && breaker.nextAttemptAt().toEpochMilli() > clock.wallMillis();
        return new Status("postgresql", connected, stale, connected && !refusing, refusing ? breaker.nextAttemptAt() : null,
                version(),
                lastSyncMillis < 0 ? null : Instant.ofEpochMilli(lastSyncMillis),
                stale && staleSinceMillis >= 0 ? Instant.ofEpochMilli(staleSinceMillis) : null, lastError, judge,
                lastFollowLagMillis < 0 ? null : lastFollowLagMillis);
    }

    /** @throws SharedStateUnavailableException naming since when, while this instance cannot follow the shared state */
    public void requireConnected(String what) {
        if (!connected) {
            throw new SharedStateUnavailableException(what + " was refused: this instance has lost "
                    + "the shared state in PostgreSQL" + staleSince() + (lastError == null ? "" : ": " + lastError)
                    + "; nothing was changed; retry once the database is back", null);
        }
    }

    /**
     * Where an operator's change ({@code what}) is written: {@code shared} once this instance has joined its fleet,
     * null on a single instance (no fleet to join), and refused while it has a fleet to join and has not yet.
     *
     * @throws SharedStateUnavailableException before the join ({@link #notJoined})
     */
    public static SharedState joined(SharedState shared, SharedState joining, String what) {
        if (shared == null && joining != null) {
            throw joining.notJoined(what);
        }
        return shared;
    }

    /**
     * The refusal of an operator's change ({@code what}) made before this instance has joined the fleet: until then
     * it follows no shared state, so a change taken here would hold on this instance only, then be replaced by the
     * fleet's.
     */
    public SharedStateUnavailableException notJoined(String what) {
        return new SharedStateUnavailableException(what + " was refused: this instance has not joined the fleet's "
                + "shared state in PostgreSQL yet (it joins once its startup graph is up); nothing was changed; retry "
                + "once it is ready", null);
    }

    /** " (stale since T)" for a message, or nothing while the state was never lost. */
    private String staleSince() {
        long since = staleSinceMillis;
        return since >= 0 ? " (stale since " + Instant.ofEpochMilli(since) + ")" : "";
    }

    public String instance() {
        return instance;
    }
}
