package dev.dreamnet.javalin.http;

import dev.dreamnet.core.metrics.Outcome;
import io.javalin.http.Context;
import org.eclipse.jetty.io.EofException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client that went away before it was answered, such as one that closed the connection mid-body: not the
 * server's failure, so it is recorded as 499 "client closed request" (its own outcome in the metrics) and logged
 * at DEBUG, never as a 5xx with a stack trace. Stateless.
 */
final class ClientAbort {

    private static final Logger LOG = LoggerFactory.getLogger(ClientAbort.class);

    private ClientAbort() {
    }

    /** Jetty reports the other end closing, while reading or writing, as an {@link EofException}. */
    static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof EofException) {
                return true;
            }
        }
        return false;
    }

    static void record(Context ctx, Throwable failure) {
        LOG.debug("client closed the connection during {} {}: {}", ctx.method(), ctx.path(), failure.toString());
        ctx.status(Outcome.CLIENT_CLOSED_REQUEST);
    }
}
