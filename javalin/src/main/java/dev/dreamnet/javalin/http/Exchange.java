package dev.dreamnet.javalin.http;

import dev.dreamnet.core.overload.ConcurrencyLimiter;
import dev.dreamnet.javalin.metrics.RequestTracking;
import dev.dreamnet.runtime.InFlight;
import dev.dreamnet.runtime.overload.OverloadProtection;
import io.javalin.http.Context;

/**
 * What the plugin keeps about one request between its before- and after-handler: when it began, whether it is
 * counted in flight, whether it took a place under the in-flight limit and which overload limiter admitted it. One request attribute holds it all, set
 * once. {@link #finish} undoes exactly what was done, once. Confined to the request's thread.
 */
public final class Exchange {

    private static final String ATTRIBUTE = "dreamnet.exchange";

    private final long startedNanos;
    private boolean counted;
    private boolean admitted;
    private boolean finished;
    private ConcurrencyLimiter limiter;
    private dev.dreamnet.core.overload.Criticality criticality;
    private RequestSpan span;
    private dev.dreamnet.runtime.metrics.LatencyExemplars exemplars;

    private Exchange(long startedNanos) {
        this.startedNanos = startedNanos;
    }

    /**
     * The first before-handler: times the request, counts it in flight, and admits it or throws the 503 refusal
     * ({@link Admission}).
     */
    public static void begin(Context ctx, RequestTracking tracking, InFlight inFlight, Admission admission) {
        begin(ctx, tracking, inFlight, admission, dev.dreamnet.runtime.tracing.Tracing.off(), null);
    }

    /** As {@link #begin(Context, RequestTracking, InFlight, Admission)}, opening the request's span when tracing is on. */
    public static void begin(Context ctx, RequestTracking tracking, InFlight inFlight, Admission admission,
                             dev.dreamnet.runtime.tracing.Tracing tracing,
                             dev.dreamnet.runtime.metrics.LatencyExemplars exemplars) {
        Exchange exchange = new Exchange(tracking.now());
        ctx.attribute(ATTRIBUTE, exchange);
        if (tracing.enabled()) {
            exchange.span = RequestSpan.start(tracing.tracer(), ctx);
            exchange.exemplars = exemplars;
        }
        inFlight.enter();
        exchange.counted = true;
        exchange.admitted = admission.enter(ctx);
    }

    /** The overload guard admitted the request: {@link #finish} reports its end to {@code limiter}. */
    static void admittedBy(Context ctx, ConcurrencyLimiter limiter, dev.dreamnet.core.overload.Criticality criticality) {
        Exchange exchange = ctx.attribute(ATTRIBUTE);
        if (exchange == null) {
            limiter.release(); // no before-handler ran, so no after-handler will report it
        } else {
            exchange.limiter = limiter;
            exchange.criticality = criticality;
        }
    }

    /**
     * The last after-handler: frees what {@link #begin} and the overload guard took and records the request; safe to
     * call twice. A 503 or 504 from the application (a pool timeout, a downstream refusal) is a dropped request to
     * the limiter; anything else a latency sample.
     */
    public static void finish(Context ctx, RequestTracking tracking, InFlight inFlight, Admission admission,
                              OverloadProtection overload) {
        Exchange exchange = ctx.attribute(ATTRIBUTE);
        if (exchange == null || exchange.finished) {
            return;
        }
        exchange.finished = true;
        if (exchange.limiter != null) {
            int status = ctx.statusCode();
            overload.finished(exchange.limiter, tracking.now() - exchange.startedNanos, status == 503 || status == 504
                    ? OverloadProtection.Outcome.DROPPED : OverloadProtection.Outcome.SERVED);
        }
        if (exchange.counted) {
            inFlight.exit();
        }
        if (exchange.admitted) {
            admission.exit();
        }
        tracking.finished(ctx, exchange.startedNanos);
        if (exchange.span != null) {
            String route = tracking.route(ctx);
            exchange.span.end(ctx, route, exchange.criticality);
            if (exchange.exemplars != null) {
                exchange.span.exemplar(exchange.exemplars, route, ctx.statusCode(),
                        tracking.now() - exchange.startedNanos);
            }
        }
    }
}
