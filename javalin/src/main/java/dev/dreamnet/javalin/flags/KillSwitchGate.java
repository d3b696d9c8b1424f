package dev.dreamnet.javalin.flags;

import dev.dreamnet.javalin.http.RouteNames;
import dev.dreamnet.runtime.flags.FlagService;
import dev.dreamnet.runtime.flags.WritesRefusedException;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import java.util.Map;
import java.util.Set;

/**
 * Kill switches and flags on the application's routes, checked once routing has matched and before the handler runs,
 * so a request is either refused untouched or runs to its end: none is half-applied, none acknowledged and lost.
 * <ul>
 *   <li>WRITE_DRAIN refuses every application write ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE})
 *       while reads keep working. Not writes: DreamNet's own routes and every route under {@code /api/admin/}
 *       (operators must be able to act, and to turn the switch off again), and the routes the application names
 *       (a {@code POST} that only computes or reads).</li>
 *   <li>A route bound to a flag ({@code "GET /api/recommendations" -> "recommendations"}) is refused while the flag
 *       is off, by its file, an operator, a kill switch, brownout or emergency mode.</li>
 * </ul>
 * Refusals are {@link WritesRefusedException}s: the web layer answers 503 with {@code Retry-After}.
 */
public final class KillSwitchGate {

    private static final Set<HandlerType> WRITES = Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH,
            HandlerType.DELETE);

    /** The application's operator routes, by convention (DreamNet's own are exempt wherever they are mounted). */
    private static final String ADMIN = "/api/admin/";

    private final FlagService flags;
    private final Set<String> own;
    private final Set<String> notWrites;
    private final Map<String, String> routeFlags;

    /**
     * @param own        DreamNet's own routes ({@code "METHOD path-template"}), never refused
     * @param notWrites  the application's {@code POST}, {@code PUT}, {@code PATCH} or {@code DELETE} routes that
     *                   change nothing, as {@code "METHOD path-template"}
     * @param routeFlags flag per route, keyed {@code "METHOD path-template"}
     */
    public KillSwitchGate(FlagService flags, Set<String> own, Set<String> notWrites,
                          Map<String, String> routeFlags) {
        this.flags = flags;
        this.own = own;
        this.notWrites = Set.copyOf(notWrites);
        this.routeFlags = Map.copyOf(routeFlags);
    }

    /**
     * {@code next}, behind the checks that apply to {@code endpoint}: none for DreamNet's own routes and for reads
     * bound to no flag, so they cost nothing per request.
     */
    public Handler guard(Endpoint endpoint, Handler next) {
        String route = RouteNames.of(endpoint);
        boolean write = WRITES.contains(endpoint.method) && !endpoint.path.startsWith(ADMIN)
                && !notWrites.contains(route);
        String flag = routeFlags.get(route);
        if (own.contains(route) || !write && flag == null) {
            return next;
        }
        return ctx -> {
            if (write && flags.killSwitches().writeDrain()) {
                throw new WritesRefusedException(WritesRefusedException.Cause.WRITE_DRAIN,
                        "writes are paused (WRITE_DRAIN is on); reads keep working");
            }
            if (flag != null && !flags.allows(flag)) {
                throw new WritesRefusedException(WritesRefusedException.Cause.FLAG_OFF, "flag " + flag + " is off ("
                        + flags.snapshot().explain(flag).rule() + ")");
            }
            next.handle(ctx);
        };
    }
}
