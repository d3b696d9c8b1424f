package dev.dreamnet.javalin.resilience;

import dev.dreamnet.runtime.resilience.BreakerViews;
import dev.dreamnet.runtime.resilience.Downstreams;

import dev.dreamnet.core.breaker.CircuitBreaker;
import dev.dreamnet.runtime.audit.AuditLog;
import dev.dreamnet.runtime.auth.AccessControl;
import dev.dreamnet.javalin.http.Actor;
import dev.dreamnet.javalin.http.ApiException;
import dev.dreamnet.javalin.http.Reasons;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.function.BiConsumer;

/**
 * {@code GET /api/observability/circuit-breakers}, and the operator's admin writes
 * {@code POST /api/admin/breakers/{name}/force-open|force-closed|reset} with an optional JSON
 * {@code reason}; every write is audited.
 */
public final class BreakerRoutes {

    private final Downstreams downstreams;
    private final AccessControl access;
    private final AuditLog audit;

    public BreakerRoutes(Downstreams downstreams, AccessControl access, AuditLog audit) {
        this.downstreams = downstreams;
        this.access = access;
        this.audit = audit;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/api/observability/circuit-breakers", ctx -> ctx.json(BreakerViews.of(downstreams)));
        routes.post("/api/admin/breakers/{name}/force-open", ctx -> change(ctx, "force-open", CircuitBreaker::forceOpen));
        routes.post("/api/admin/breakers/{name}/force-closed",
                ctx -> change(ctx, "force-closed", CircuitBreaker::forceClosed));
        routes.post("/api/admin/breakers/{name}/reset", ctx -> change(ctx, "reset", CircuitBreaker::reset));
    }

    private void change(Context ctx, String action, BiConsumer<CircuitBreaker, String> operation) {
        access.requireAdmin(ctx.header("Authorization"));
        CircuitBreaker breaker = find(ctx.pathParam("name"));
        String reason = Reasons.optional(Reasons.body(ctx, "reason"), action + " by operator");
        String before = breaker.state().name();
        operation.accept(breaker, reason);
        audit.record(Actor.of(ctx), "breaker." + action, breaker.name(), before, breaker.state().name(), reason);
        ctx.json(BreakerViews.of(breaker, downstreams.retry(breaker.name())));
    }

    private CircuitBreaker find(String name) {
        return downstreams.breakers().stream().filter(b -> b.name().equals(name)).findFirst()
                .orElseThrow(() -> ApiException.notFound("no circuit breaker \"" + name + "\" (known: "
                        + String.join(", ", downstreams.breakers().stream().map(CircuitBreaker::name).toList()) + ")"));
    }
}
