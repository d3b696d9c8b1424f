package dev.dreamnet.javalin.http;

import dev.dreamnet.core.overload.Criticality;
import io.javalin.http.Context;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.util.Locale;

/**
 * The span of one request while tracing is on: current on the request's thread from the plugin's before-handler to
 * its after-handler (so outbound calls are its children), then named after the route template and given the status,
 * the rollout variant that served it and its criticality. Confined to the request's thread.
 */
final class RequestSpan {

    private final Span span;
    private final Scope scope;
    private final Thread thread;

    private RequestSpan(Span span) {
        this.span = span;
        this.scope = span.makeCurrent();
        this.thread = Thread.currentThread();
    }

    static RequestSpan start(Tracer tracer, Context ctx) {
        return new RequestSpan(tracer.spanBuilder(ctx.method().name()).setSpanKind(SpanKind.SERVER)
                .setAttribute("http.request.method", ctx.method().name()).setAttribute("url.path", ctx.path())
                .startSpan());
    }

    /** Keeps this request as its latency bucket's exemplar, linking the bucket on {@code /metrics} to this trace. */
    void exemplar(dev.dreamnet.runtime.metrics.LatencyExemplars exemplars, String route, int status, long nanos) {
        exemplars.record(route, status, nanos, span.getSpanContext().getTraceId(), span.getSpanContext().getSpanId(),
                0L);
    }

    void end(Context ctx, String route, Criticality criticality) {
        int status = ctx.statusCode();
        span.updateName(route);
        span.setAttribute("http.route", route.substring(route.indexOf(' ') + 1));
        span.setAttribute("dreamnet.route", route);
        span.setAttribute("http.response.status_code", status);
        String variant = ctx.res().getHeader("X-Dreamnet-Variant");
        if (variant != null) {
            span.setAttribute("dreamnet.variant", variant);
        }
        if (criticality != null) {
            span.setAttribute("dreamnet.criticality", criticality.name().toLowerCase(Locale.ROOT));
        }
        if (status >= 500) {
            span.setStatus(StatusCode.ERROR);
        }
        if (Thread.currentThread() == thread) {
            scope.close();
        }
        span.end();
    }
}
