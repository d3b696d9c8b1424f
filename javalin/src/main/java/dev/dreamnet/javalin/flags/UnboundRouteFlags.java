package dev.dreamnet.javalin.flags;

import dev.dreamnet.javalin.http.RouteNames;
import io.javalin.router.ParsedEndpoint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Route flags whose route the application never registered: a path written with a typo, or a route since renamed,
 * leaves its flag guarding nothing, so the route it was meant for keeps answering while the flag is off. Found once
 * the server has started, when every route is registered, and warned about.
 */
public final class UnboundRouteFlags {

    private static final Logger LOG = LoggerFactory.getLogger(UnboundRouteFlags.class);

    private UnboundRouteFlags() {
    }

    /** Each route flag, {@code "METHOD path" (flag name)}, whose route is none of {@code registered}. */
    public static List<String> of(Map<String, String> routeFlags, Collection<ParsedEndpoint> registered) {
        Set<String> routes = new HashSet<>();
        for (ParsedEndpoint parsed : registered) {
            routes.add(RouteNames.of(parsed.endpoint));
        }
        List<String> unbound = new ArrayList<>();
        routeFlags.forEach((route, flag) -> {
            if (!routes.contains(route)) {
                unbound.add("\"" + route + "\" (flag " + flag + ")");
            }
        });
        return unbound;
    }

    /** Warns about each route flag that {@link #of} finds, naming the routes that were registered. */
    public static void warn(Map<String, String> routeFlags, Collection<ParsedEndpoint> registered) {
        for (String unbound : of(routeFlags, registered)) {
            LOG.warn("route flag {} names no route the application registered, so it guards nothing; write the route "
                    + "exactly as registered (method, one space, path template)", unbound);
        }
    }
}
