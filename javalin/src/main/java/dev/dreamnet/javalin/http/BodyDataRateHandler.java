package dev.dreamnet.javalin.http;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.MinimumDataRateHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's minimum read rate, applied only to requests that carry a body: a request without one has nothing to
 * dribble, and the handler's statistics and response wrapping cost about a tenth of a trivial request's
 * throughput (docs/PERFORMANCE.md, "Javalin plugin overhead"). Thread-safe.
 */
final class BodyDataRateHandler extends MinimumDataRateHandler {

    BodyDataRateHandler(long minBytesPerSecond) {
        super(minBytesPerSecond, 0);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (hasBody(request)) {
            return super.handle(request, response, callback);
        }
        Handler next = getHandler();
        return next != null && next.handle(request, response, callback);
    }

    /** A declared length above zero, or a chunked body of unknown length. */
    static boolean hasBody(Request request) {
        long length = request.getLength();
        return length > 0 || length < 0 && request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    }
}
