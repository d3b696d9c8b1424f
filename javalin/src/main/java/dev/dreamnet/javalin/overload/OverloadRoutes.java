package dev.dreamnet.javalin.overload;

import dev.dreamnet.javalin.http.Actor;
import dev.dreamnet.javalin.http.Reasons;
import dev.dreamnet.runtime.DreamNet;
import dev.dreamnet.runtime.overload.OverloadViews;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;

/**
 * {@code GET /api/observability/overload}: the limit, what is in flight and waiting, refusals by class and reason,
 * the configuration, what automatic brownout is doing and each downstream's outbound guards. {@code POST /api/admin/overload/pin} stops automatic
 * brownout deciding (the mode is the operators') and {@code POST /api/admin/overload/unpin} lets it decide again; both
 * take an admin token and an optional JSON {@code reason}, and are audited.
 */
public final class OverloadRoutes {

    private final DreamNet dreamnet;

    public OverloadRoutes(DreamNet dreamnet) {
        this.dreamnet = dreamnet;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/api/observability/overload", ctx -> ctx.json(view()));
        routes.post("/api/admin/overload/pin", ctx -> {
            dreamnet.access().requireAdmin(ctx.header("Authorization"));
            dreamnet.automaticBrownout().pin(Actor.of(ctx), reason(ctx, "mode pinned by operator"));
            ctx.json(view());
        });
        routes.post("/api/admin/overload/unpin", ctx -> {
            dreamnet.access().requireAdmin(ctx.header("Authorization"));
            dreamnet.automaticBrownout().unpin(Actor.of(ctx), reason(ctx, "automatic brownout allowed again"));
            ctx.json(view());
        });
    }

    public OverloadViews.OverloadView view() {
        return dreamnet.overloadView();
    }

    private static String reason(Context ctx, String otherwise) {
        return Reasons.optional(Reasons.body(ctx, "reason"), otherwise);
    }
}
