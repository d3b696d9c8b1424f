package dev.dreamnet.server.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dreamnet.server.audit.AuditLog;
import dev.dreamnet.server.auth.AccessControl;
import dev.dreamnet.server.http.Actor;
import dev.dreamnet.server.http.ApiException;
import dev.dreamnet.server.http.Json;
import dev.dreamnet.server.http.JsonNumbers;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A built-in stand-in for the external provider, so {@code dreamnet serve} runs with no outside
 * service: {@code POST /stub-provider/v1/interpret} answers a deterministic interpretation. Faults
 * can be injected at runtime (an admin write) to rehearse a provider outage: a failure rate with a
 * status code, and added latency. Thread-safe.
 */
public final class StubProvider {

    /** The faults being injected; immutable, swapped whole. */
    public record Faults(double failureRate, int status, long delayMs) {
        static final Faults NONE = new Faults(0, 503, 0);
    }

    private volatile Faults faults = Faults.NONE;

    /** The stub's endpoint, and {@code POST /api/admin/stub-provider/faults} (admin, audited). */
    public void register(JavalinDefaultRoutingApi routes, AccessControl access, AuditLog audit) {
        routes.post("/stub-provider/v1/interpret", this::interpret);
        routes.get("/api/observability/stub-provider/faults", ctx -> ctx.json(faults));
        routes.post("/api/admin/stub-provider/faults", ctx -> {
            access.requireAdmin(ctx);
            Faults before = faults;
            Faults after = setFaults(Json.body(ctx));
            audit.record(Actor.of(ctx), "stub-provider.faults", "stub-provider", before.toString(), after.toString(),
                    "fault injection");
            ctx.json(after);
        });
    }

    public Faults faults() {
        return faults;
    }

    /** Sets the faults from an admin request body {@code {"failureRate": 1.0, "status": 503, "delayMs": 0}}. */
    public Faults setFaults(JsonNode body) {
        double rate = number(body, "failureRate", 0, 1, 0);
        int status = (int) whole(body, "status", 400, 599, 503);
        long delay = whole(body, "delayMs", 0, 60_000, 0);
        faults = new Faults(rate, status, delay);
        return faults;
    }

    private void interpret(Context ctx) throws InterruptedException {
        Faults current = faults;
        if (current.delayMs() > 0) {
            TimeUnit.MILLISECONDS.sleep(current.delayMs()); // the injected latency is the point of this stub
        }
        if (current.failureRate() > 0 && ThreadLocalRandom.current().nextDouble() < current.failureRate()) {
            ctx.status(current.status()).json(Map.of("error", "injected fault", "detail", "stub provider fault injection"));
            return;
        }
        JsonNode dream = Json.body(ctx);
        String title = dream.path("title").asText("");
        ctx.json(Map.of("interpretation", "A dream about \"" + title + "\" suggests something left unfinished."));
    }

    private static long whole(JsonNode body, String field, long min, long max, long fallback) {
        JsonNode node = body == null ? null : body.get(field);
        return node == null || node.isNull() ? fallback : JsonNumbers.whole(node, field, min, max);
    }

    private static double number(JsonNode body, String field, double min, double max, double fallback) {
        JsonNode node = body == null ? null : body.get(field);
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
