package dev.dreamnet.javalin.rollouts;

import dev.dreamnet.runtime.rollouts.RolloutRequest;
import dev.dreamnet.runtime.rollouts.RolloutService;
import dev.dreamnet.runtime.rollouts.RolloutViews;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dreamnet.core.rollout.Rollout;
import dev.dreamnet.core.rollout.RolloutConfig;
import dev.dreamnet.runtime.audit.AuditLog;
import dev.dreamnet.runtime.auth.AccessControl;
import dev.dreamnet.javalin.http.Actor;
import dev.dreamnet.javalin.http.ApiException;
import dev.dreamnet.javalin.http.Reasons;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * {@code GET /api/observability/rollouts}; admin writes {@code POST /api/admin/rollouts} (create and
 * start) and {@code POST /api/admin/rollouts/{name}/promote|pause|resume|rollback}. Every write needs the admin
 * token and is audited.
 */
public final class RolloutRoutes {

    private final RolloutService rollouts;
    private final AccessControl access;
    private final AuditLog audit;

    public RolloutRoutes(RolloutService rollouts, AccessControl access, AuditLog audit) {
        this.rollouts = rollouts;
        this.access = access;
        this.audit = audit;
    }

    public void register(JavalinDefaultRoutingApi routes, RolloutRouting routing) {
        routes.after(routing::finished);
        routes.get("/api/observability/rollouts", ctx -> ctx.json(Map.of("rollouts",
                rollouts.all().stream().map(RolloutViews::of).toList())));
        routes.post("/api/admin/rollouts", this::start);
        operation(routes, "promote", Rollout::promote);
        operation(routes, "pause", Rollout::pause);
        operation(routes, "resume", Rollout::resume);
        routes.post("/api/admin/rollouts/{name}/rollback", ctx -> {
            access.requireAdmin(ctx.header("Authorization"));
            String reason = Reasons.required(Reasons.body(ctx, "reason"));
            Rollout rollout = rollouts.operate(ctx.pathParam("name"), "rollback", r -> {
                r.rollback(reason);
                return r;
            }, Actor.of(ctx), reason);
            ctx.json(RolloutViews.of(rollout));
        });
    }

    private void operation(JavalinDefaultRoutingApi routes, String action, java.util.function.Function<Rollout, ?> op) {
        routes.post("/api/admin/rollouts/{name}/" + action, ctx -> {
            access.requireAdmin(ctx.header("Authorization"));
            String reason = Reasons.optional(Reasons.body(ctx, "reason"), action + " by operator");
            UnaryOperator<Rollout> apply = r -> {
                op.apply(r);
                return r;
            };
            ctx.json(RolloutViews.of(rollouts.operate(ctx.pathParam("name"), action, apply, Actor.of(ctx), reason)));
        });
    }

    private void start(Context ctx) {
        access.requireAdmin(ctx.header("Authorization"));
        JsonNode body = Reasons.body(ctx);
        RolloutConfig config;
        try {
            config = RolloutRequest.config(body);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        Rollout rollout = rollouts.start(config, Actor.of(ctx), Reasons.required(body));
        ctx.status(201).json(RolloutViews.of(rollout));
    }
}
