package dev.dreamnet.server.audit;

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
        String raw = ctx.queryParam("limit");
        int limit = 50;
        if (raw != null) {
            try {
                limit = Integer.parseInt(raw.trim());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                throw dev.dreamnet.server.http.ApiException.badRequest(
                        "limit must be a whole number from 1 to " + MAX_LIMIT + ", was \"" + raw + "\"");
            }
        }
        List<AuditEntry> entries = audit.recent(limit);
        ctx.json(Map.of("entries", entries, "count", entries.size()));
    }
}
