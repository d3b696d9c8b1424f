package dev.dreamnet.javalin.http;

import dev.dreamnet.core.overload.ConcurrencyLimiter;
import dev.dreamnet.core.overload.Criticality;
import dev.dreamnet.javalin.auth.ReadGate;
import dev.dreamnet.runtime.auth.AccessControl;
import dev.dreamnet.runtime.overload.OverloadProtection;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.router.Endpoint;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Puts the application's routes behind {@link OverloadProtection}: each request takes a place under the adaptive limit
 * for its class (the route's, or the criticality header's), or is refused at once with {@code Retry-After} and a JSON
 * reason: 429 {@code shed} when its class is over its share while the limit still has room for more critical work,
 * 503 {@code overloaded} when the whole limit is in use. DreamNet's own routes (probes, {@code /metrics},
 * observability, admin) and the application's routes under {@code /api/admin/} and {@code /api/observability/} are
 * never guarded. {@link Exchange#finish} reports how the request ended. Thread-safe; the
 * refusals are built once.
 */
public final class OverloadGuard {

    /** Seconds a refused caller is asked to wait: overload comes and goes in moments, not minutes. */
    static final String RETRY_AFTER_SECONDS = "1";

    private final OverloadProtection protection;
    private final AccessControl access;
    private final Set<String> own;
    private final ApiException[][] refusals;

    /** @param own DreamNet's own routes ({@code "METHOD path-template"}), never guarded */
    public OverloadGuard(OverloadProtection protection, AccessControl access, Set<String> own) {
        this.protection = protection;
        this.access = access;
        this.own = own;
        this.refusals = new ApiException[Criticality.values().length][];
        for (Criticality c : Criticality.values()) {
            String name = c.name();
            refusals[c.ordinal()] = new ApiException[] {
                new ApiException(429, "shed", name + " requests are over their share of the concurrency limit; "
                        + "more critical work is being served first. Retry after the Retry-After delay"),
                new ApiException(503, "overloaded", "the service is at its concurrency limit and refuses "
                        + name.toLowerCase(Locale.ROOT) + " requests for now. Retry after the Retry-After delay")};
        }
    }

    /** {@code next} behind the limit, unless {@code endpoint} is one of DreamNet's own or not an HTTP route. */
    public Handler guard(Endpoint endpoint, Handler next) {
        String route = RouteNames.of(endpoint);
        if (!endpoint.method.isHttpMethod() || own.contains(route) || ReadGate.isOperatorPath(endpoint.path)) {
            return next;
        }
        return ctx -> {
            if (protection.enabled()) {
                admit(ctx, route);
            }
            next.handle(ctx);
        };
    }

    private void admit(Context ctx, String route) {
        Optional<String> header = protection.header();
        String requested = header.isPresent() ? ctx.header(header.get()) : null;
        boolean trusted = requested != null && access.trusts(ctx.header("Authorization"));
        Criticality criticality = protection.classify(route, requested, trusted);
        ConcurrencyLimiter limiter = protection.acquire(criticality);
        if (limiter == null) {
            OverloadProtection.Refusal why = protection.refusal(criticality);
            ctx.header("Retry-After", RETRY_AFTER_SECONDS);
            throw refusals[criticality.ordinal()][why.ordinal()];
        }
        Exchange.admittedBy(ctx, limiter, criticality);
    }
}
