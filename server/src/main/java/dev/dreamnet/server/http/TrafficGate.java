package dev.dreamnet.server.http;

import dev.dreamnet.server.ServiceState;
import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * Keeps application traffic out until the service is ready: answers 503 with {@code Retry-After}
 * and a JSON reason. Probes, observability reads and admin writes are never gated: operators must be able to act on a
 * service that is not ready.
 */
public final class TrafficGate implements Handler {

    static final String RETRY_AFTER_SECONDS = "5";

    private final ServiceState state;

    public TrafficGate(ServiceState state) {
        this.state = state;
    }

    @Override
    public void handle(Context ctx) {
        if (isOpenRoute(ctx.path())) {
            return;
        }
        ServiceState.Readiness readiness = state.readiness();
        if (!readiness.ready()) {
            ctx.header("Retry-After", RETRY_AFTER_SECONDS);
            throw new ApiException(503, "not ready", readiness.reason());
        }
    }

    static boolean isOpenRoute(String path) {
        return path.startsWith("/health/") || path.equals("/api/health") || path.startsWith("/api/observability/")
                || path.startsWith("/api/admin/") || path.startsWith("/api/integration-flags") || path.startsWith("/stub-provider/") || path.equals("/metrics");
    }
}
