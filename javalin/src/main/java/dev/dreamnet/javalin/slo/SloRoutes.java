package dev.dreamnet.javalin.slo;

import dev.dreamnet.runtime.slo.SloService;
import dev.dreamnet.runtime.slo.SloViews;
import io.javalin.http.NotFoundResponse;
import io.javalin.router.JavalinDefaultRoutingApi;

/**
 * {@code GET /api/observability/slos}: every objective's state (OK, TICKET, PAGE), burn rate per window, error budget
 * left and time to exhaustion, summed over the fleet; {@code GET /api/observability/slos/{name}} one of them.
 * Read-only; thread-safe.
 */
public final class SloRoutes {

    private final SloService slos;

    public SloRoutes(SloService slos) {
        this.slos = slos;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/api/observability/slos", ctx -> ctx.json(SloViews.of(slos)));
        routes.get("/api/observability/slos/{name}", ctx -> ctx.json(slos.status(ctx.pathParam("name"))
                .map(SloViews::of).orElseThrow(() -> new NotFoundResponse("no SLO named \"" + ctx.pathParam("name")
                        + "\"; known: " + slos.config().slos().stream().map(s -> s.name()).toList()))));
    }
}
