package dev.dreamnet.runtime.tracing;

import dev.dreamnet.core.breaker.CallNotPermittedException;
import dev.dreamnet.core.overload.LocallyRejectedException;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The span of one outbound call through a downstream's guards ({@code call database}): a child of the current span
 * (the request's), with an event per attempt, per failed attempt and for a rejection by the breaker, throttle or
 * bulkhead, and the attempts and retries as attributes. Confined to the calling thread, but attempts may run on
 * others (a hedge): the counter is atomic.
 */
public final class OutboundSpan {

    private static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("dreamnet.attempt");
    private static final AttributeKey<String> ERROR = AttributeKey.stringKey("exception.type");

    private final Span span;
    private final AtomicInteger attempts = new AtomicInteger();

    private OutboundSpan(Span span) {
        this.span = span;
    }

    /** The body of a guarded call, given a way to wrap each attempt. */
    @FunctionalInterface
    public interface Body<T> {
        T call(OutboundSpan span) throws Exception;
    }

    /** Runs {@code body} inside the span of a call to {@code service}. */
    public static <T> T run(Tracer tracer, String service, Body<T> body) throws Exception {
        Span span = tracer.spanBuilder("call " + service).setSpanKind(SpanKind.CLIENT)
                .setAttribute("dreamnet.downstream", service).startSpan();
        OutboundSpan outbound = new OutboundSpan(span);
        try (Scope ignored = span.makeCurrent()) {
            return body.call(outbound);
        } catch (CallNotPermittedException | LocallyRejectedException e) {
            span.addEvent("rejected", Attributes.of(ERROR, e.getClass().getSimpleName()));
            span.setStatus(StatusCode.ERROR, e.getMessage());
            throw e;
        } catch (Exception e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, String.valueOf(e.getMessage()));
            throw e;
        } finally {
            int made = outbound.attempts.get();
            span.setAttribute("dreamnet.attempts", made);
            span.setAttribute("dreamnet.retries", Math.max(0, made - 1));
            span.end();
        }
    }

    /** {@code attempt}, counted and marked on the span. */
    public <T> Callable<T> attempt(Callable<T> attempt) {
        return () -> {
            long n = attempts.incrementAndGet();
            span.addEvent(n == 1 ? "attempt" : "retry", Attributes.of(ATTEMPT, n));
            try {
                return attempt.call();
            } catch (Exception e) {
                span.addEvent("attempt failed", Attributes.of(ATTEMPT, n, ERROR, e.getClass().getSimpleName()));
                throw e;
            }
        };
    }
}
