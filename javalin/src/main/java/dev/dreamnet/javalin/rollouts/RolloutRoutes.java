package dev.dreamnet.javalin.rollouts;

import dev.dreamnet.runtime.rollouts.RolloutService;
import dev.dreamnet.runtime.rollouts.RolloutViews;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dreamnet.config.DurationText;
import dev.dreamnet.core.rollout.Rollout;
import dev.dreamnet.core.rollout.RolloutConfig;
import dev.dreamnet.runtime.audit.AuditLog;
import dev.dreamnet.runtime.auth.AccessControl;
import dev.dreamnet.javalin.http.Actor;
import dev.dreamnet.javalin.http.ApiException;
import dev.dreamnet.javalin.http.JsonNumbers;
import dev.dreamnet.javalin.http.Reasons;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * {@code GET /api/observability/rollouts}; admin writes {@code POST /api/admin/rollouts} (create and
 * start) and {@code POST /api/admin/rollouts/{name}/promote|pause|resume|rollback}. Every write needs the admin
 * token and is audited.
 */
public final class RolloutRoutes {

    private static final Set<String> FIELDS = Set.of("name", "steps", "bakeTime", "window", "maxErrorRate", "maxP99",
            "minRequests", "autoPromote", "autoRollback", "significance", "latencyTolerance", "latencyEffect", "reason");

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
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("body must be a JSON object with at least \"name\" and \"reason\"");
        }
        List<String> unknown = new ArrayList<>();
        body.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                unknown.add(field);
            }
        });
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest("unknown field(s) " + unknown + "; known: " + new java.util.TreeSet<>(FIELDS));
        }
        String reason = Reasons.required(body);
        RolloutConfig config;
        try {
            config = config(body);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        Rollout rollout = rollouts.start(config, Actor.of(ctx), reason);
        ctx.status(201).json(RolloutViews.of(rollout));
    }

    private static RolloutConfig config(JsonNode body) {
        JsonNode name = body.path("name");
        if (!name.isTextual()) {
            throw ApiException.badRequest("name: required, a string such as \"dream-read-v2\"");
        }
        RolloutConfig.Builder builder = RolloutConfig.builder(name.asText());
        if (body.has("steps")) {
            List<Double> steps = new ArrayList<>();
            if (!body.get("steps").isArray()) {
                throw ApiException.badRequest("steps: must be an array of percentages such as [1, 10, 50, 100]");
            }
            body.get("steps").forEach(step -> steps.add(JsonNumbers.decimal(step, "steps[]")));
            builder.steps(steps);
        }
        duration(body, "bakeTime").ifPresent(builder::bakeTime);
        duration(body, "window").ifPresent(builder::window);
        duration(body, "maxP99").ifPresent(builder::maxP99);
        if (body.has("maxErrorRate")) {
            builder.maxErrorRate(JsonNumbers.decimal(body.get("maxErrorRate"), "maxErrorRate"));
        }
        if (body.has("minRequests")) {
            builder.minRequests(JsonNumbers.wholeInt(body.get("minRequests"), "minRequests", 1, Integer.MAX_VALUE));
        }
        if (body.has("significance")) {
            builder.significance(JsonNumbers.decimal(body.get("significance"), "significance"));
        }
        if (body.has("latencyTolerance")) {
            builder.latencyTolerance(JsonNumbers.decimal(body.get("latencyTolerance"), "latencyTolerance"));
        }
        if (body.has("latencyEffect")) {
            builder.latencyEffect(JsonNumbers.decimal(body.get("latencyEffect"), "latencyEffect"));
        }
        if (body.has("autoPromote")) {
            builder.autoPromote(bool(body.get("autoPromote"), "autoPromote"));
        }
        if (body.has("autoRollback")) {
            builder.autoRollback(bool(body.get("autoRollback"), "autoRollback"));
        }
        return builder.build();
    }

    private static java.util.Optional<Duration> duration(JsonNode body, String field) {
        if (!body.has(field)) {
            return java.util.Optional.empty();
        }
        JsonNode value = body.get(field);
        return java.util.Optional.of(DurationText.parse(value.isTextual() ? value.asText() : null).orElseThrow(
                () -> ApiException.badRequest(field + ": must be a duration such as " + DurationText.EXAMPLES
                        + ", was " + value)));
    }

    private static boolean bool(JsonNode value, String field) {
        if (!value.isBoolean()) {
            throw ApiException.badRequest(field + ": must be true or false, was " + value);
        }
        return value.asBoolean();
    }
}
