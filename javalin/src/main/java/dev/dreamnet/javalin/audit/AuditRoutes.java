package dev.dreamnet.javalin.audit;

import dev.dreamnet.runtime.audit.AuditEntry;
import dev.dreamnet.runtime.audit.AuditLog;

import dev.dreamnet.javalin.http.Params;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;
import java.util.Map;

/** {@code GET /api/observability/audit?limit=50}: the newest operator actions first. */
public final class AuditRoutes {

    private static final int MAX_LIMIT = 1000;

    private final AuditLog audit;

    public AuditRoutes(AuditLog audit) {
        this.audit = audit;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/api/observability/audit", this::recent);
    }

    private void recent(Context ctx) throws Exception {
        List<AuditEntry> entries = audit.recent((int) Params.query(ctx, "limit", 50, 1, MAX_LIMIT));
        ctx.json(Map.of("entries", entries, "count", entries.size()));
    }
}
