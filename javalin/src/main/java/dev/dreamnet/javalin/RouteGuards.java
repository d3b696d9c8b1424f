package dev.dreamnet.javalin;

import dev.dreamnet.javalin.auth.ReadGate;
import dev.dreamnet.javalin.flags.KillSwitchGate;
import dev.dreamnet.javalin.http.OverloadGuard;
import io.javalin.http.Handler;
import io.javalin.router.Endpoint;
import io.javalin.router.HandlerWrapper;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The router's handler wrapper: the read-token check, the kill switches and the overload limit, in that order (a
 * request refused by a switch takes no place under the limit), decided on the route a request matched
 * (so no other spelling of a path gets around them). Javalin asks for the wrapped handler on every request; each
 * route's is built once and kept. Thread-safe.
 */
final class RouteGuards implements HandlerWrapper {

    private final ReadGate reads;
    private final KillSwitchGate switches;
    private final OverloadGuard overload;
    private final Map<Endpoint, Handler> guarded = new ConcurrentHashMap<>();

    RouteGuards(ReadGate reads, KillSwitchGate switches, OverloadGuard overload) {
        this.reads = reads;
        this.switches = switches;
        this.overload = overload;
    }

    @Override
    public Handler wrap(Endpoint endpoint) {
        Handler handler = guarded.get(endpoint);
        return handler != null ? handler : guarded.computeIfAbsent(endpoint,
                route -> reads.guard(route, switches.guard(route, overload.guard(route, route.handler))));
    }
}
