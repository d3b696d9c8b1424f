package dev.dreamnet.reference.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dreamnet.runtime.audit.AuditLog;
import dev.dreamnet.runtime.auth.AccessControl;
import dev.dreamnet.javalin.http.Actor;
import dev.dreamnet.javalin.http.ApiException;
import dev.dreamnet.javalin.http.Json;
import dev.dreamnet.javalin.http.JsonNumbers;
import dev.dreamnet.javalin.http.Reasons;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The {@link StubProvider}'s endpoint {@code POST /stub-provider/v1/interpret}, with its faults applied, the read
 * {@code GET /api/observability/stub-provider/faults} and the admin write
 * {@code POST /api/admin/stub-provider/faults} (admin token, audited) that sets them from
 * {@code {"failureRate": 1.0, "status": 503, "delayMs": 0}}; a missing field takes its default, and a body that is not
 * such an object is a 400 that changes nothing.
 */
public final class StubProviderRoutes {

    private static final String[] FIELDS = {"failureRate", "status", "delayMs", "reason"};

    private final StubProvider stub;
    private final AccessControl access;
    private final AuditLog audit;

    public StubProviderRoutes(StubProvider stub, AccessControl access, AuditLog audit) {
        this.stub = stub;
        this.access = access;
        this.audit = audit;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.post("/stub-provider/v1/interpret", this::interpret);
        routes.get("/api/observability/stub-provider/faults", ctx -> ctx.json(stub.faults()));
        routes.post("/api/admin/stub-provider/faults", ctx -> {
            access.requireAdmin(ctx.header("Authorization"));
            JsonNode body = body(ctx);
            StubProvider.Faults before = stub.faults();
            StubProvider.Faults after = stub.setFaults(faults(body));
            audit.record(Actor.of(ctx), "stub-provider.faults", "stub-provider", before.toString(), after.toString(),
                    Reasons.optional(body, "fault injection"));
            ctx.json(after);
        });
    }

    private static JsonNode body(Context ctx) {
        // An array or a misspelt field was taken as "no faults" and audited as a change.
        JsonNode body = Reasons.body(ctx, FIELDS);
        if (body == null) {
            throw ApiException.badRequest("request body is empty; send a JSON object with " + String.join(", ", FIELDS));
        }
        return body;
    }

    private static StubProvider.Faults faults(JsonNode body) {
        double rate = number(body, "failureRate", 0, 1, 0);
        int status = (int) whole(body, "status", 400, 599, 503);
        long delay = whole(body, "delayMs", 0, 60_000, 0);
        return new StubProvider.Faults(rate, status, delay);
    }

    private void interpret(Context ctx) throws InterruptedException {
        StubProvider.Faults current = stub.faults();
        if (current.delayMs() > 0) {
            TimeUnit.MILLISECONDS.sleep(current.delayMs()); // the injected latency is the point of this stub
        }
        if (current.failureRate() > 0 && ThreadLocalRandom.current().nextDouble() < current.failureRate()) {
            ctx.status(current.status()).json(Map.of("error", "injected fault", "detail", "stub provider fault injection"));
            return;
        }
        JsonNode dream = Json.body(ctx);
        ctx.json(Map.of("interpretation", StubProvider.interpretation(dream.path("title").asText(""))));
    }

    private static long whole(JsonNode body, String field, long min, long max, long fallback) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? fallback : JsonNumbers.whole(node, field, min, max);
    }

    private static double number(JsonNode body, String field, double min, double max, double fallback) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isNumber() || node.asDouble() < min || node.asDouble() > max) {
            throw ApiException.badRequest(field + " must be a number from " + (long) min + " to " + (long) max
                    + ", was " + node);
        }
        return node.asDouble();
    }
}
