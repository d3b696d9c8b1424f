package dev.dreamnet.javalin.metrics;

import dev.dreamnet.core.metrics.RequestMetrics;
import dev.dreamnet.core.time.Clock;
import dev.dreamnet.javalin.http.RouteNames;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The request-tracking middleware: once a request is answered, records its latency and status under its route template ({@code GET /api/dreams/{id}}, never the raw path).
 * Requests that matched no route are one series per method, {@code GET unmatched}, so random paths cannot add series.
 * Thread-safe.
 */
public final class RequestTracking {

    public static final String UNMATCHED = "unmatched";
    private static final int MAX_METHODS = 32;

    private final RequestMetrics metrics;
    private final Clock clock;
    private final ConcurrentHashMap<Endpoint, String> templates = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<HandlerType, String> unmatched = new ConcurrentHashMap<>();

    public RequestTracking(RequestMetrics metrics, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Records a request answered with its status, begun at {@code startedNanos} on the clock. */
    public void finished(Context ctx, long startedNanos) {
        metrics.record(route(ctx), ctx.statusCode(), clock.nanoTime() - startedNanos);
    }

    /** Now, on the clock requests are timed with. */
    public long now() {
        return clock.nanoTime();
    }

    /** {@code GET unmatched}, built once per method; a flood of invented methods shares one name. */
    private String unmatched(HandlerType method) {
        String known = unmatched.get(method);
        if (known != null) {
            return known;
        }
        return unmatched.size() >= MAX_METHODS ? "OTHER " + UNMATCHED
                : unmatched.computeIfAbsent(method, m -> m.name() + " " + UNMATCHED);
    }

    /** The route template this request matched ({@code GET /api/dreams/{id}}), or {@code GET unmatched}. */
    public String route(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        if (endpoint == null) {
            return unmatched(ctx.method());
        }
        String known = templates.get(endpoint);
        return known != null ? known : templates.computeIfAbsent(endpoint, RouteNames::of);
    }
}
