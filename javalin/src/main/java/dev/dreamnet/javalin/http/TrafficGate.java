package dev.dreamnet.javalin.http;

import dev.dreamnet.runtime.ServiceState;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps application traffic out until the service is ready: answers 503 with {@code Retry-After}
 * and a JSON reason. Probes, observability reads and admin writes are never gated: operators must be able to act on a
 * service that is not ready. The application may name more paths that are never gated (a stand-in for an outside
 * service, say).
 */
public final class TrafficGate implements Handler {

    static final String RETRY_AFTER_SECONDS = "5";

    private final ServiceState state;
    private final List<String> openPrefixes = new ArrayList<>();
    private final List<String> openPaths = new ArrayList<>();

    /**
     * DreamNet's own routes under {@code prefix} are open, and so is every path starting with one of {@code open} and
     * the console's page at {@code console} (null for none): an operator must see a service that is not ready.
     */
    public TrafficGate(ServiceState state, String prefix, List<String> open, String console) {
        this.state = state;
        for (String under : List.of("/health/", "/api/observability/", "/api/admin/", "/api/integration-flags")) {
            openPrefixes.add(prefix + under);
        }
        openPrefixes.addAll(open);
        openPaths.add(prefix + "/api/health");
        openPaths.add(prefix + "/metrics");
        if (console != null) {
            openPaths.add(console);
        }
    }

    @Override
    public void handle(Context ctx) {
        ServiceState.Readiness readiness = state.readiness();
        if (readiness.ready() || isOpenRoute(ctx.path())) {
            return;
        }
        ctx.header("Retry-After", RETRY_AFTER_SECONDS);
        throw new ApiException(503, "not ready", readiness.reason());
    }

    boolean isOpenRoute(String path) {
        for (String prefix : openPrefixes) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return openPaths.contains(path);
    }
}
