package dev.dreamnet.jdbc;

import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.Set;

/**
 * Tells whether a {@link SQLException} says the connection it came from is gone for good: SQLState
 * class 08 (connection exception) or PostgreSQL's 57P01 {@code admin_shutdown} (the backend was
 * terminated, {@code pg_terminate_backend}), 57P02 {@code crash_shutdown} and 57P03
 * {@code cannot_connect_now}. These are the states after which HikariCP evicts the connection too.
 * A timeout is not a lost connection: the connection may be only slow, and another try would wait
 * as long again. Stateless and thread-safe.
 */
public final class LostConnection {

    private static final Set<String> SERVER_SHUTDOWN = Set.of("57P01", "57P02", "57P03");
    private static final int MAX_CAUSES = 10;

    private LostConnection() {
    }

    /** True when {@code failure}, or an exception chained to it, says its connection is lost. */
    public static boolean is(SQLException failure) {
        if (isTimeout(failure)) {
            return false;
        }
        SQLException current = failure;
        for (int depth = 0; current != null && depth < MAX_CAUSES; depth++) {
            String state = current.getSQLState();
            if (state != null && (state.startsWith("08") || SERVER_SHUTDOWN.contains(state))) {
                return true;
            }
            current = current.getNextException();
        }
        return false;
    }

    private static boolean isTimeout(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_CAUSES; depth++) {
            if (current instanceof SQLTimeoutException || current instanceof SocketTimeoutException) {
                return true;
            }
            current = current.getCause();
        }
        return false;
    }
}
