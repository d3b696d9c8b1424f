package dev.dreamnet.jdbc.migrate.internal;

import dev.dreamnet.jdbc.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Session settings for the work connection during a run, reset afterwards so a pooled connection goes
 * back as it came. On PostgreSQL 14+ the server checks every second that the migrating process is still
 * there, so a step whose process was killed is rolled back at once instead of running on (holding its
 * locks) until it finishes. Not thread-safe.
 */
final class SessionSettings implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SessionSettings.class);

    private final Connection connection;
    private final boolean applied;

    private SessionSettings(Connection connection, boolean applied) {
        this.connection = connection;
        this.applied = applied;
    }

    static SessionSettings apply(Connection connection, Dialect dialect) throws SQLException {
        if (dialect != Dialect.POSTGRESQL || connection.getMetaData().getDatabaseMajorVersion() < 14) {
            return new SessionSettings(connection, false);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET client_connection_check_interval = 1000");
        }
        return new SessionSettings(connection, true);
    }

    @Override
    public void close() {
        if (!applied) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("RESET client_connection_check_interval");
        } catch (SQLException e) {
            LOG.debug("could not reset client_connection_check_interval: {}", e.toString());
        }
    }
}
