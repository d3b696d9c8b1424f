package dev.dreamnet.javalin.auth;

import dev.dreamnet.runtime.auth.AccessControl;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import java.util.List;

/**
 * Asks for the read token on the route a request matched, never on the raw path: {@code /metrics/},
 * {@code /api/observability/summary/} and every other spelling that Javalin routes to a protected endpoint is
 * protected like the endpoint itself, and a spelling that matches nothing is a 404 that serves no data.
 * Protected reads are the {@code GET} routes {@code /metrics}, {@code /api/observability/*},
 * {@code /api/integration-flags} and the admin reads under {@code /api/admin/*}; writes there check the admin
 * token in their handlers. (Javalin answers a {@code HEAD} for a {@code GET} route with an empty 200 and runs
 * no handler.) Decided once per route, by the plugin's handler wrapper. Thread-safe.
 */
public final class ReadGate {

    private static final List<String> PREFIXES = List.of("/api/observability/", "/api/admin/");
    private static final List<String> PATHS = List.of("/metrics", "/api/integration-flags");

    private final AccessControl access;
    private final String prefix;

    /** DreamNet's routes are mounted under {@code prefix} ({@code ""} for none). */
    public ReadGate(AccessControl access, String prefix) {
        this.access = access;
        this.prefix = prefix;
    }

    /** {@code next}, behind the read-token check when {@code endpoint} is a protected read. */
    public Handler guard(Endpoint endpoint, Handler next) {
        if (endpoint.method != HandlerType.GET || !endpoint.path.startsWith(prefix)
                || !isProtected(endpoint.path.substring(prefix.length()))) {
            return next;
        }
        return ctx -> {
            access.requireRead(ctx.header("Authorization"));
            next.handle(ctx);
        };
    }

    /** Whether a read of the route template {@code path} needs the read token when read tokens are configured. */
    static boolean isProtected(String path) {
        return PATHS.contains(path) || isOperatorPath(path);
    }

    /** Whether {@code path} is an operator route: under {@code /api/observability/} or {@code /api/admin/}. */
    public static boolean isOperatorPath(String path) {
        for (String prefix : PREFIXES) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
