package dev.dreamnet.runtime.kinds;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.dreamnet.core.health.CheckResult;
import dev.dreamnet.core.health.HealthCheck;
import dev.dreamnet.core.startup.Component;
import dev.dreamnet.jdbc.Dialect;
import dev.dreamnet.jdbc.DurableUrls;
import dev.dreamnet.jdbc.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code database} kind: a HikariCP pool on the configured JDBC URL (embedded H2 by default).
 * Ready once a real query answers. On PostgreSQL no read waits on the network longer than the
 * readiness {@code timeout} (rounded up to whole seconds). Thread-safe once started.
 */
public final class DatabaseComponent implements Component, HealthCheck {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseComponent.class);

    /** The most connections the pool opens. */
    public static final int POOL_SIZE = 10;

    private final String jdbcUrl;
    private final String readinessQuery;
    private final Duration queryTimeout;
    private volatile HikariDataSource pool;

    public DatabaseComponent(String jdbcUrl, String readinessQuery, Duration queryTimeout) {
        this.jdbcUrl = jdbcUrl;
        this.readinessQuery = readinessQuery;
        this.queryTimeout = queryTimeout;
    }

    @Override
    public void start() throws SQLException {
        if (DurableUrls.losesCommitsInACrash(jdbcUrl)) {
            LOG.warn("database: the H2 URL sets WRITE_DELAY: commits acknowledged within that delay are lost if "
                    + "the process dies (remove the setting to write every commit to the file)");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setPoolName("dreamnet-db");
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(2);
        config.setConnectionTimeout(Math.max(250, queryTimeout.toMillis()));
        config.setInitializationFailTimeout(-1);
        if (Dialect.ofUrl(jdbcUrl) == Dialect.POSTGRESQL) {
            // The driver waits forever on a network that stopped answering, which would hang the request
            // and hold its thread; fail the statement instead. A socketTimeout in the URL wins.
            long seconds = Math.max(1, (queryTimeout.toMillis() + 999) / 1000);
            config.addDataSourceProperty("socketTimeout", Long.toString(seconds));
        }
        HikariDataSource candidate = new HikariDataSource(config);
        try {
            check(candidate);
        } catch (SQLException | RuntimeException e) {
            candidate.close();
            throw e;
        }
        pool = candidate;
    }

    /** Runs the readiness query; throws if the database does not answer in time. */
    @Override
    public CheckResult check() throws SQLException {
        check(dataSource());
        return CheckResult.pass(readinessQuery + " answered");
    }

    private void check(DataSource source) throws SQLException {
        try (Connection connection = connection(source); Statement statement = connection.createStatement()) {
            connection.setReadOnly(true); // the pool restores it when the connection goes back
            statement.setQueryTimeout((int) Math.max(1, queryTimeout.toSeconds()));
            statement.execute(readinessQuery);
        }
    }

    /**
     * A connection from {@code source}. When none comes in time, the pool says only that it timed out; what the
     * database answered to its last attempt (a wrong password, a missing database, a file in use) is the cause, and
     * goes into the message an operator reads.
     */
    private static Connection connection(DataSource source) throws SQLException {
        try {
            return source.getConnection();
        } catch (SQLTransientConnectionException e) {
            Throwable cause = e.getCause();
            if (cause == null || cause.getMessage() == null) {
                throw e;
            }
            throw new SQLTransientConnectionException(e.getMessage() + "; the database's last answer: "
                    + cause.getMessage().lines().findFirst().orElse(""), e.getSQLState(), e);
        }
    }

    /** Whether {@link #start()} has opened the pool. */
    public boolean isOpen() {
        return pool != null;
    }

    /** The pool; only valid once started. */
    public DataSource dataSource() {
        HikariDataSource current = pool;
        if (current == null) {
            throw new IllegalStateException("database is not started");
        }
        return current;
    }

    /**
     * Work on the pool, run again on another connection when its own was lost before it could change
     * anything: as many times as the pool may hold lost connections, plus one. Only valid once started.
     */
    public Transactions transactions() {
        return new Transactions(dataSource(), POOL_SIZE + 1);
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    /**
     * Closes the pool. On the embedded H2 database it first runs {@code SHUTDOWN}, which writes every
     * committed change to the file before it returns: closing the pool alone can end with a connection
     * still being aborted in the background while the process exits, and H2 keeps the last second of
     * commits in memory until the database closes.
     */
    @Override
    public void stop() {
        HikariDataSource current = pool;
        if (current == null) {
            return;
        }
        if (DurableUrls.onDiskH2(jdbcUrl)) {
            shutdownEmbedded(current);
        }
        current.close();
    }

    private static void shutdownEmbedded(HikariDataSource pool) {
        Connection c = null;
        try {
            c = pool.getConnection();
            try (Statement statement = c.createStatement()) {
                statement.execute("SHUTDOWN");
            }
        } catch (SQLException e) {
            LOG.warn("database: SHUTDOWN of the embedded database failed ({}); closing the pool anyway", e.getMessage());
        } finally {
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException e) {
                    // expected: the database this connection belonged to is closed now
                    LOG.debug("database: closing a connection after SHUTDOWN: {}", e.getMessage());
                }
            }
        }
    }
}
