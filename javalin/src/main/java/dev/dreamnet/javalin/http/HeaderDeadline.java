package dev.dreamnet.javalin.http;

import dev.dreamnet.core.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes connections whose request headers have been arriving for longer than the read timeout: the idle
 * timeout alone lets a client that sends one header line every few seconds hold a connection for ever.
 * {@link #sweep()} is called every quarter of the timeout, so a connection is closed at most a quarter late.
 * Not thread-safe: one thread sweeps (the state it keeps between sweeps is confined to it).
 */
public final class HeaderDeadline {

    private static final Logger LOG = LoggerFactory.getLogger(HeaderDeadline.class);

    private final Server server;
    private final Duration timeout;
    private final Clock clock;
    private Map<EndPoint, Arriving> arriving = new HashMap<>();

    /** Headers of request number {@code messagesIn} + 1 of a connection, seen arriving since {@code sinceNanos}. */
    record Arriving(long messagesIn, long sinceNanos) {

        /** This sweep's view: the same request keeps its start, a new request starts now. */
        static Arriving next(Arriving before, long messagesIn, long nowNanos) {
            return before != null && before.messagesIn == messagesIn ? before : new Arriving(messagesIn, nowNanos);
        }
    }

    public HeaderDeadline(Server server, Duration timeout, Clock clock) {
        this.server = server;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** How often {@link #sweep()} should run. */
    public Duration period() {
        return timeout.dividedBy(4);
    }

    public void sweep() {
        long now = clock.nanoTime();
        Map<EndPoint, Arriving> seen = new HashMap<>();
        IdleConnections.endPoints(server).forEach(endPoint -> check(endPoint, now, seen));
        arriving = seen;
    }

    private void check(EndPoint endPoint, long now, Map<EndPoint, Arriving> seen) {
        if (!(endPoint.getConnection() instanceof HttpConnection http) || !receivingHeaders(http.getParser())) {
            return;
        }
        Arriving since = Arriving.next(arriving.get(endPoint), http.getMessagesIn(), now);
        if (now - since.sinceNanos() < timeout.toNanos()) {
            seen.put(endPoint, since);
            return;
        }
        LOG.debug("closing {}: request headers still arriving after {}", endPoint.getRemoteSocketAddress(), timeout);
        endPoint.close(new TimeoutException("request headers not received within " + timeout.toMillis() + " ms"));
    }

    /** Between the first byte of a request and the end of its headers (Jetty parses headers as they arrive). */
    private static boolean receivingHeaders(HttpParser parser) {
        return !parser.isStart() && parser.inHeaderState();
    }
}
