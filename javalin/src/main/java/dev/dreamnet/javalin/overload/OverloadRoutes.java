package dev.dreamnet.javalin.overload;

import dev.dreamnet.javalin.http.Actor;
import dev.dreamnet.javalin.http.Reasons;
import dev.dreamnet.runtime.auth.AccessControl;
import dev.dreamnet.runtime.overload.AutomaticBrownout;
import dev.dreamnet.runtime.overload.OverloadProtection;
import dev.dreamnet.runtime.overload.OverloadViews;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;

/**
 * {@code GET /api/observability/overload}: the limit, what is in flight and waiting, refusals by class and reason,
 * the configuration and what automatic brownout is doing. {@code POST /api/admin/overload/pin} stops automatic
 * brownout deciding (the mode is the operators') and {@code POST /api/admin/overload/unpin} lets it decide again; both
 * take an admin token and an optional JSON {@code reason}, and are audited.
 */
public final class OverloadRoutes {

    private final OverloadProtection protection;
    private final AutomaticBrownout automatic;
    private final AccessControl access;

    public OverloadRoutes(OverloadProtection protection, AutomaticBrownout automatic, AccessControl access) {
        this.protection = protection;
        this.automatic = automatic;
        this.access = access;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/api/observability/overload", ctx -> ctx.json(view()));
        routes.post("/api/admin/overload/pin", ctx -> {
            access.requireAdmin(ctx.header("Authorization"));
            automatic.pin(Actor.of(ctx), reason(ctx, "mode pinned by operator"));
            ctx.json(view());
        });
        routes.post("/api/admin/overload/unpin", ctx -> {
            access.requireAdmin(ctx.header("Authorization"));
            automatic.unpin(Actor.of(ctx), reason(ctx, "automatic brownout allowed again"));
            ctx.json(view());
        });
    }

    public OverloadViews.OverloadView view() {
        return OverloadViews.of(protection, automatic);
    }

    private static String reason(Context ctx, String otherwise) {
        return Reasons.optional(Reasons.body(ctx), otherwise);
    }
}
