package dev.dreamnet.javalin.http;

import io.javalin.http.ExceptionHandler;
import io.javalin.http.Handler;
import io.javalin.router.Endpoint;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.security.RouteRole;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsExceptionHandler;
import io.javalin.websocket.WsHandlerType;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * DreamNet's routes as registered on the application's router: HTTP routes are mounted under a prefix and remembered
 * ({@link #routes()}, as {@code "METHOD path-template"}), so kill switches can tell them from the application's own;
 * before and after handlers, error and exception handlers pass through unchanged. Thread-safe.
 */
public final class MountedRoutes implements JavalinDefaultRoutingApi {

    private final JavalinDefaultRoutingApi target;
    private final String prefix;
    private final Set<String> routes = ConcurrentHashMap.newKeySet();

    public MountedRoutes(JavalinDefaultRoutingApi target, String prefix) {
        this.target = target;
        this.prefix = prefix;
    }

    /** Every route registered through this router, with its prefix. */
    public Set<String> routes() {
        return routes;
    }

    @Override
    public JavalinDefaultRoutingApi addEndpoint(Endpoint endpoint) {
        if (!endpoint.method.isHttpMethod()) {
            return target.addEndpoint(endpoint);
        }
        Endpoint mounted = prefix.isEmpty() ? endpoint : new Endpoint(endpoint.method, prefix + endpoint.path,
                endpoint.handler);
        routes.add(RouteNames.of(mounted));
        target.addEndpoint(mounted);
        return this;
    }

    @Override
    public <E extends Exception> JavalinDefaultRoutingApi exception(Class<E> type, ExceptionHandler<? super E> handler) {
        target.exception(type, handler);
        return this;
    }

    @Override
    public JavalinDefaultRoutingApi error(int status, String contentType, Handler handler) {
        target.error(status, contentType, handler);
        return this;
    }

    @Override
    public <E extends Exception> JavalinDefaultRoutingApi wsException(Class<E> type,
                                                                     WsExceptionHandler<? super E> handler) {
        target.wsException(type, handler);
        return this;
    }

    @Override
    public JavalinDefaultRoutingApi addWsHandler(WsHandlerType type, String path, Consumer<WsConfig> config,
                                                 RouteRole... roles) {
        target.addWsHandler(type, prefix + path, config, roles);
        return this;
    }
}
