package dev.dreamnet.javalin.http;

import dev.dreamnet.runtime.Probes;
import io.javalin.http.Context;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds the requests worked on at once: past the limit a request is refused at once with 503,
 * {@code Retry-After} and a JSON reason, instead of waiting for a worker and for heap it would not get.
 * Health probes are neither counted nor refused, so liveness answers whatever the load.
 * Thread-safe: one atomic counter; the refusal is built once.
 */
public final class Admission {

    private final int limit;
    private final AtomicInteger admitted = new AtomicInteger();
    private final ApiException refusal;

    public Admission(int limit) {
        this.limit = limit;
        this.refusal = new ApiException(503, "overloaded", limit + " requests are already being served, the most this "
                + "server takes on at once (--max-in-flight); retry after the Retry-After delay");
    }

    /**
     * Admits the request or throws the 503 refusal; true when it took a place (probes take none), which
     * {@link #exit} must then free.
     */
    public boolean enter(Context ctx) {
        if (Probes.isProbe(ctx.path())) {
            return false;
        }
        if (admitted.incrementAndGet() > limit) {
            admitted.decrementAndGet();
            ctx.header("Retry-After", TrafficGate.RETRY_AFTER_SECONDS);
            throw refusal;
        }
        return true;
    }

    /** Frees a place that {@link #enter} took. */
    public void exit() {
        admitted.decrementAndGet();
    }

    public int admitted() {
        return admitted.get();
    }

    public int limit() {
        return limit;
    }
}
