package dev.dreamnet.reference.rollouts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dreamnet.javalin.http.Actor;
import dev.dreamnet.javalin.http.ApiException;
import dev.dreamnet.javalin.http.ErrorBody;
import dev.dreamnet.javalin.http.JsonNumbers;
import dev.dreamnet.javalin.http.Reasons;
import dev.dreamnet.runtime.audit.AuditLog;
import dev.dreamnet.runtime.auth.AccessControl;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;

/**
 * {@code GET} and {@code POST /api/admin/canary-faults}: the reference service's rehearsal of a failing canary
 * ({@link CanaryFaults}). The write needs the admin token and is audited; an injected failure answers 500
 * {@code injected fault}.
 */
public final class CanaryFaultRoutes {

    private static final long MAX_DELAY_MS = 60_000;

    private final CanaryFaults faults;
    private final AccessControl access;
    private final AuditLog audit;

    public CanaryFaultRoutes(CanaryFaults faults, AccessControl access, AuditLog audit) {
        this.faults = faults;
        this.access = access;
        this.audit = audit;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/api/admin/canary-faults", ctx -> ctx.json(faults.settings()));
        routes.post("/api/admin/canary-faults", this::set);
        routes.exception(InjectedFaultException.class, (e, ctx) ->
                ctx.status(500).json(new ErrorBody("injected fault", e.getMessage())));
    }

    private void set(Context ctx) {
        access.requireAdmin(ctx.header("Authorization"));
        JsonNode body = Reasons.body(ctx, "reason", "errorRate", "delayMs");
        String reason = Reasons.required(body);
        CanaryFaults.Settings before = faults.settings();
        CanaryFaults.Settings after = settings(body);
        faults.set(after);
        audit.record(Actor.of(ctx), "canary.faults", "canary", before.toString(), after.toString(), reason);
        ctx.json(after);
    }

    private static CanaryFaults.Settings settings(JsonNode body) {
        double errorRate = body.has("errorRate") ? JsonNumbers.decimal(body.get("errorRate"), "errorRate") : 0;
        long delayMs = body.has("delayMs") ? JsonNumbers.whole(body.get("delayMs"), "delayMs", 0, MAX_DELAY_MS) : 0;
        try {
            return new CanaryFaults.Settings(errorRate, delayMs);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }
}
