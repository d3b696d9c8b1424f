package dev.dreamnet.jdbc.migrate.internal;

import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Small connection chores. Stateless and thread-safe. */
final class Connections {

    private static final Logger LOG = LoggerFactory.getLogger(Connections.class);

    private Connections() {
    }

    /**
     * Lifts a read timeout the pool may set (the server's pool fails reads after a few seconds), since
     * a migration step or the wait for the lock may legitimately take minutes. Pools such as HikariCP
     * restore the setting when the connection is returned.
     */
    static void unlimitedNetworkTimeout(Connection connection) {
        try {
            connection.setNetworkTimeout(Runnable::run, 0);
        } catch (SQLException | RuntimeException | AbstractMethodError e) {
            LOG.debug("driver does not support setNetworkTimeout: {}", e.toString());
        }
    }

    static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("closing a migration connection failed: {}", e.toString());
        }
    }
}
