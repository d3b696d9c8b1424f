package dev.dreamnet.javalin.http;

import dev.dreamnet.jdbc.LostConnection;
import dev.dreamnet.runtime.resilience.FailureKinds;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import org.slf4j.LoggerFactory;

/**
 * Words a failed database call for the client's 503 {@code "database unavailable"}: a short reason in
 * general words, while the driver's text (which can name hosts, databases, tables and SQL) goes to the log
 * only ({@link RepeatedFailures}). Thread-safe.
 */
final class DatabaseErrors {

    /** The SQLState of a statement cancelled for taking too long. */
    private static final String QUERY_CANCELED = "57014";

    private final RepeatedFailures log =
            new RepeatedFailures(LoggerFactory.getLogger(DatabaseErrors.class), "database call");

    /** Logs {@code failure} and returns the detail the client may see. */
    String detail(SQLException failure, Context ctx) {
        log(failure, ctx);
        return reason(failure) + "; try again later";
    }

    /** What went wrong, in words that say nothing about the database's names or contents. */
    static String reason(SQLException failure) {
        if (failure instanceof SQLTimeoutException || QUERY_CANCELED.equals(failure.getSQLState())) {
            return "the database did not answer in time";
        }
        if (LostConnection.is(failure)) {
            return "the connection to the database was lost";
        }
        return "the database call failed";
    }

    private void log(SQLException failure, Context ctx) {
        log.log(ctx, FailureKinds.message(failure) + " (SQLState " + failure.getSQLState() + ")");
    }
}
