package dev.dreamnet.runtime.fleet;

import dev.dreamnet.core.time.Clock;
import dev.dreamnet.core.time.Sleeper;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one instance following the {@link SharedState} on a connection of its own: {@code LISTEN}
 * for changes, a reconciliation read every two seconds whatever was heard (a notification lost with
 * a connection is never waited for), and a reconnect with backoff when PostgreSQL goes away, after
 * which it catches up on everything changed meanwhile. The same connection holds the session
 * advisory lock that makes one instance the rollout judge; PostgreSQL frees it when the instance
 * or its connection dies. One daemon thread; {@link #stop} ends it.
 */
public final class StateListener {

    private static final Logger LOG = LoggerFactory.getLogger(StateListener.class);
    static final Duration WAIT = Duration.ofMillis(200);
    static final Duration RECONCILE = Duration.ofSeconds(2);
    private static final Duration FIRST_RETRY = Duration.ofMillis(250);
    private static final Duration LAST_RETRY = Duration.ofSeconds(2);
    /** The judge's advisory lock key: "dnjudge" in ASCII. */
    static final long JUDGE_LOCK = 0x646e6a75646765L;

    private final String jdbcUrl;
    private final SharedState state;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Connection current;

    public StateListener(String jdbcUrl, SharedState state, Clock clock, Sleeper sleeper) {
        this.jdbcUrl = jdbcUrl;
        this.state = state;
        this.clock = clock;
        this.sleeper = sleeper;
        this.thread = new Thread(this::run, "dreamnet-shared-state");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Ends the thread and closes its connection, which frees the judge's lock at once. */
    public void stop() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(WAIT.toMillis() * 5);
        Connection c = current;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.debug("shared state: closing the listener's connection: {}", e.getMessage());
            }
        }
    }

    private void run() {
        try {
            follow();
        } finally {
            if (running) { // an Error ended the thread: never let the endpoints claim a live state
                state.disconnected("the shared-state listener stopped unexpectedly; restart this instance");
                LOG.error("shared state: the listener thread ended unexpectedly; this instance no longer follows the fleet");
            }
        }
    }

    private void follow() {
        Duration retry = FIRST_RETRY;
        while (running) {
            try (Connection c = connect()) {
                current = c;
                listen(c);
                retry = FIRST_RETRY;
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                state.disconnected(e.getMessage());
            } finally {
                current = null;
            }
            try {
                sleeper.sleep(retry);
            } catch (InterruptedException e) {
                return;
            }
            retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("socketTimeout", "10");
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("ApplicationName", "dreamnet shared state " + state.instance());
        return DriverManager.getConnection(jdbcUrl, properties);
    }

    private void listen(Connection c) throws SQLException {
        try (Statement statement = c.createStatement()) {
            statement.execute("LISTEN " + SharedState.CHANNEL);
        }
        boolean judging = tryJudge(c, false);
        state.follow(c); // whatever changed while this instance was not listening
        state.connected(judging);
        PGConnection pg = c.unwrap(PGConnection.class);
        long lastRead = clock.nanoTime();
        while (running) {
            PGNotification[] heard = pg.getNotifications((int) WAIT.toMillis());
            boolean reconcile = clock.nanoTime() - lastRead >= RECONCILE.toNanos();
            if (heard != null && heard.length > 0 || reconcile) {
                state.follow(c);
                lastRead = clock.nanoTime();
            }
            if (reconcile) {
                judging = tryJudge(c, judging);
                state.connected(judging);
            }
        }
    }

    private static boolean tryJudge(Connection c, boolean judging) throws SQLException {
        if (judging) {
            return true; // a session lock is held until the connection ends
        }
        try (Statement statement = c.createStatement();
             var r = statement.executeQuery("SELECT pg_try_advisory_lock(" + JUDGE_LOCK + ")")) {
            return r.next() && r.getBoolean(1);
        }
    }
}
