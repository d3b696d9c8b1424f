package dev.dreamnet.javalin.fleet;

import dev.dreamnet.runtime.fleet.FleetViews;
import io.javalin.router.JavalinDefaultRoutingApi;

/** {@code GET /api/observability/fleet}: the fleet's instances and whether they have converged ({@link FleetViews}). */
public final class FleetRoutes {

    private final FleetViews fleet;

    public FleetRoutes(FleetViews fleet) {
        this.fleet = fleet;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/api/observability/fleet", ctx -> ctx.json(fleet.view()));
    }
}
