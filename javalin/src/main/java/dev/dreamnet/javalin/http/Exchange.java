package dev.dreamnet.javalin.http;

import dev.dreamnet.javalin.metrics.RequestTracking;
import dev.dreamnet.runtime.InFlight;
import io.javalin.http.Context;

/**
 * What the plugin keeps about one request between its before- and after-handler: when it began, whether it is
 * counted in flight and whether it took a place under the in-flight limit. One request attribute holds it all, set
 * once. {@link #finish} undoes exactly what was done, once. Confined to the request's thread.
 */
public final class Exchange {

    private static final String ATTRIBUTE = "dreamnet.exchange";

    private final long startedNanos;
    private boolean counted;
    private boolean admitted;
    private boolean finished;

    private Exchange(long startedNanos) {
        this.startedNanos = startedNanos;
    }

    /**
     * The first before-handler: times the request, counts it in flight, and admits it or throws the 503 refusal
     * ({@link Admission}).
     */
    public static void begin(Context ctx, RequestTracking tracking, InFlight inFlight, Admission admission) {
        Exchange exchange = new Exchange(tracking.now());
        ctx.attribute(ATTRIBUTE, exchange);
        inFlight.enter();
        exchange.counted = true;
        exchange.admitted = admission.enter(ctx);
    }

    /** The last after-handler: frees what {@link #begin} took and records the request; safe to call twice. */
    public static void finish(Context ctx, RequestTracking tracking, InFlight inFlight, Admission admission) {
        Exchange exchange = ctx.attribute(ATTRIBUTE);
        if (exchange == null || exchange.finished) {
            return;
        }
        exchange.finished = true;
        if (exchange.counted) {
            inFlight.exit();
        }
        if (exchange.admitted) {
            admission.exit();
        }
        tracking.finished(ctx, exchange.startedNanos);
    }
}
