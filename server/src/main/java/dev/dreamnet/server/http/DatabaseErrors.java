package dev.dreamnet.server.http;

import dev.dreamnet.jdbc.LostConnection;
import dev.dreamnet.server.resilience.FailureKinds;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Words a failed database call for the client's 503 {@code "database unavailable"}: a short reason in
 * general words, while the driver's text (which can name hosts, databases, tables and SQL) goes to the log
 * only, at WARN the first time a kind of failure is seen (see {@link FailureKinds}) and then once
 * every {@value #WARN_EVERY} repeats, at DEBUG in between. Thread-safe.
 */
final class DatabaseErrors {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseErrors.class);
    /** The SQLState of a statement cancelled for taking too long. */
    private static final String QUERY_CANCELED = "57014";

    static final int WARN_EVERY = 100;

    private final AtomicReference<String> last = new AtomicReference<>();
    private final AtomicLong repeats = new AtomicLong();

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
        String message = FailureKinds.message(failure) + " (SQLState " + failure.getSQLState() + ")";
        if (FailureKinds.isNew(last.getAndSet(message), message)) {
            repeats.set(0);
            LOG.warn("database call failed on {} {}: {}", ctx.method(), ctx.path(), message);
        } else if (repeats.incrementAndGet() % WARN_EVERY == 0) {
            LOG.warn("database call failed on {} {}: {} ({} more like it since the first)", ctx.method(), ctx.path(),
                    message, repeats.get());
        } else {
            LOG.debug("database call failed again on {} {}: {}", ctx.method(), ctx.path(), message);
        }
    }
}
