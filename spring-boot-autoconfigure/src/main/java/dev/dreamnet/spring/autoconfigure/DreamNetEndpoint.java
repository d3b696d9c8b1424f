package dev.dreamnet.spring.autoconfigure;

import dev.dreamnet.core.breaker.CircuitBreaker;
import dev.dreamnet.core.flags.FlagState;
import dev.dreamnet.core.flags.KillSwitches;
import dev.dreamnet.core.flags.Mode;
import dev.dreamnet.core.rollout.Rollout;
import dev.dreamnet.core.rollout.RolloutConfig;
import dev.dreamnet.runtime.DreamNet;
import dev.dreamnet.runtime.Views;
import dev.dreamnet.runtime.audit.AuditEntry;
import dev.dreamnet.runtime.audit.AuditReason;
import dev.dreamnet.runtime.flags.FlagService;
import dev.dreamnet.runtime.flags.FlagViews;
import dev.dreamnet.runtime.metrics.Saturation;
import dev.dreamnet.runtime.metrics.SignalViews;
import dev.dreamnet.runtime.metrics.Summary;
import dev.dreamnet.runtime.metrics.WatchdogViews;
import dev.dreamnet.runtime.overload.OverloadViews;
import dev.dreamnet.runtime.resilience.BreakerViews;
import dev.dreamnet.runtime.rollouts.RolloutRequest;
import dev.dreamnet.runtime.rollouts.RolloutViews;
import dev.dreamnet.runtime.slo.SloViews;
import dev.dreamnet.core.watchdog.Reading;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;

/**
 * The {@code dreamnet} actuator endpoint: {@code GET /actuator/dreamnet} is the summary (health, mode, breakers,
 * gates, signals, attention); {@code GET /actuator/dreamnet/{breakers|flags|rollouts|gates|startup|watchdogs|overload}}
 * one part of it, {@code signals} the golden signals overall and per route, {@code fleet} the instances sharing the database,
 * {@code audit} the newest operator actions, {@code slos} the service level objectives and their error budgets.
 * Operator writes, each audited: {@code POST /actuator/dreamnet/modes/{brownout|emergency}} and
 * {@code /kill-switches/{safe-mode|write-drain}} with {@code {"enabled": true|false, "reason": "..."}};
 * {@code /overrides/{flag}} with {@code {"enabled": ...}} ({@code DELETE} clears it, {@code ?reason=} optional; 404
 * when none is set); {@code /breakers/{name}} and {@code /rollouts/{name}} with
 * {@code {"action": "...", "reason": "..."}}; {@code POST /actuator/dreamnet/rollouts} starts a rollout
 * ({@link #start}). Writes need an admin token (or the application's Spring Security). The parts have the Javalin
 * plugin's shapes, so the operator console ({@link EndpointConsole}) reads either. Thread-safe.
 */
@WebEndpoint(id = "dreamnet")
public class DreamNetEndpoint {

    /** The most audit entries one read returns. */
    private static final int MAX_AUDIT = 1000;

    private final DreamNet dreamnet;
    private final Operator operator;
    private final Saturation saturation;

    DreamNetEndpoint(DreamNet dreamnet, Operator operator) {
        this.dreamnet = dreamnet;
        this.operator = operator;
        this.saturation = new Saturation(() -> Saturation.Workers.UNKNOWN, dreamnet.inFlight()::count, 0);
    }

    @ReadOperation
    public WebEndpointResponse<Object> summary() {
        return operator.read(this::document);
    }

    /** One part of the summary; {@code limit} is for {@code audit} ({@code ?limit=}, 1 to 1000, 50 when absent). */
    @ReadOperation
    public WebEndpointResponse<Object> part(@Selector String part, @Nullable String limit) {
        return operator.read(() -> switch (part) {
            case "breakers" -> BreakerViews.of(dreamnet.downstreams());
            case "flags" -> FlagViews.of(dreamnet.flags());
            case "rollouts" -> Map.of("rollouts", dreamnet.rollouts().all().stream().map(RolloutViews::of).toList());
            case "gates" -> Views.gates(dreamnet.state().gates().snapshot());
            case "startup" -> Views.startup(dreamnet.state().dag().snapshot());
            case "watchdogs" -> WatchdogViews.of(dreamnet.watchdogReadings());
            case "overload" -> dreamnet.overloadView();
            case "signals" -> SignalViews.of(dreamnet.requestMetrics().snapshot(), saturation.read());
            case "fleet" -> dreamnet.fleetViews().view();
            case "audit" -> audit(limit);
            case "slos" -> SloViews.of(dreamnet.slos());
            default -> throw unknown("part", part,
                    "breakers, flags, rollouts, gates, startup, watchdogs, overload, signals, fleet, audit, slos");
        });
    }

    /** The fields a write's JSON body may hold, by the part it changes; {@link EndpointGuard} refuses others. */
    private static final Map<String, List<String>> BODY_FIELDS = Map.of(
            "modes", List.of("enabled", "reason"),
            "kill-switches", List.of("enabled", "reason"),
            "overrides", List.of("enabled", "reason"),
            "breakers", List.of("action", "reason"),
            "rollouts", List.of("action", "reason"),
            "overload", List.of("reason"));
    /** The fields of a rollout to start, in the order an error lists them. */
    private static final List<String> ROLLOUT_FIELDS = RolloutRequest.FIELDS.stream().sorted().toList();

    /**
     * The fields a write's JSON body may hold, by its path under the endpoint ({@code modes/brownout}); null for a path
     * no write takes, whose operation answers 404 itself.
     */
    static @Nullable List<String> bodyFields(String path) {
        if (path.equals("rollouts")) {
            return ROLLOUT_FIELDS;
        }
        int slash = path.indexOf('/');
        return BODY_FIELDS.get(slash < 0 ? path : path.substring(0, slash));
    }

    /**
     * {@code POST /actuator/dreamnet/rollouts}: starts a rollout, from the fields the Javalin plugin's
     * {@code POST /api/admin/rollouts} takes ({@link RolloutRequest}), each a single JSON value as actuator takes
     * them: {@code "steps": "1,10,50,100"}. 201 with the rollout, 409 when one of that name is running, 400 naming a
     * wrong field.
     */
    @WriteOperation
    public WebEndpointResponse<Object> start(SecurityContext security, @Selector String part, @Nullable String name,
                                             @Nullable String steps, @Nullable String bakeTime, @Nullable String window,
                                             @Nullable String maxErrorRate, @Nullable String maxP99,
                                             @Nullable String minRequests, @Nullable String autoPromote,
                                             @Nullable String autoRollback, @Nullable String significance,
                                             @Nullable String latencyTolerance, @Nullable String latencyEffect,
                                             @Nullable String reason) {
        return operator.write(security, actor -> {
            if (!part.equals("rollouts")) {
                throw unknown("part", part, "rollouts (to start one)");
            }
            Map<String, String> fields = new HashMap<>();
            fields.put("name", name);
            fields.put("steps", steps);
            fields.put("bakeTime", bakeTime);
            fields.put("window", window);
            fields.put("maxErrorRate", maxErrorRate);
            fields.put("maxP99", maxP99);
            fields.put("minRequests", minRequests);
            fields.put("autoPromote", autoPromote);
            fields.put("autoRollback", autoRollback);
            fields.put("significance", significance);
            fields.put("latencyTolerance", latencyTolerance);
            fields.put("latencyEffect", latencyEffect);
            RolloutConfig config;
            try {
                config = RolloutRequest.config(fields);
            } catch (IllegalArgumentException e) {
                throw new Operator.Refused(400, "bad request", e.getMessage());
            }
            String why = checked(required(reason, "reason"));
            return new WebEndpointResponse<>(RolloutViews.of(dreamnet.rollouts().start(config, actor, why)), 201);
        });
    }

    @WriteOperation
    public WebEndpointResponse<Object> change(SecurityContext security, @Selector String part, @Selector String name,
                                              @Nullable String action, @Nullable String enabled,
                                              @Nullable String reason) {
        return operator.write(security, actor -> {
            String why = reason == null ? null : checked(reason);
            return switch (part) {
                case "modes" -> mode(name, onOff(enabled), actor, why);
                case "kill-switches" -> killSwitch(name, onOff(enabled), actor, why);
                case "overrides" -> flagChange(state -> state.withOverride(knownFlag(name), onOff(enabled)),
                        "flag.override", name, actor, why == null ? "override by operator" : why);
                case "breakers" -> breaker(name, required(action, "action"), actor, why);
                case "rollouts" -> rollout(name, required(action, "action"), actor, why);
                case "overload" -> pinning(name, actor, why);
                default -> throw unknown("part", part, "modes, kill-switches, overrides, breakers, rollouts, overload");
            };
        });
    }

    /** {@code DELETE /actuator/dreamnet/overrides/{flag}}, with the audit log's reason as {@code ?reason=...}. */
    @DeleteOperation
    public WebEndpointResponse<Object> clear(SecurityContext security, @Selector String part, @Selector String name,
                                             @Nullable String reason) {
        return operator.write(security, actor -> {
            if (!part.equals("overrides")) {
                throw unknown("part", part, "overrides");
            }
            String why = reason == null ? "override cleared by operator" : checked(reason);
            FlagService flags = dreamnet.flags();
            return FlagViews.of(flags, flags.clearOverride(name, actor, why));
        });
    }

    /** The newest {@code limit} audit entries, newest first, as the Javalin plugin's {@code /api/observability/audit}. */
    private Object audit(@Nullable String limit) {
        int count = limit == null ? 50 : wholeNumber("limit", limit, MAX_AUDIT);
        List<AuditEntry> entries;
        try {
            entries = dreamnet.audit().recent(count);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new Operator.Refused(503, "audit log unavailable", String.valueOf(e.getMessage()));
        }
        return Map.of("entries", entries, "count", entries.size());
    }

    /** {@code text} as a whole number from 1 to {@code max}: {@code +5}, {@code 5.0} or {@code ５} are refused. */
    private static int wholeNumber(String field, String text, int max) {
        int value = text.matches("[0-9]{1,9}") ? Integer.parseInt(text) : 0;
        if (value >= 1 && value <= max) {
            return value;
        }
        throw new Operator.Refused(400, "bad request", field + " must be a whole number from 1 to " + max + ", was \""
                + (text.length() > 20 ? text.substring(0, 20) + "..." : text) + "\"");
    }

    private Summary.Document document() {
        var flags = dreamnet.flags().snapshot();
        List<Reading> readings = dreamnet.watchdogReadings();
        List<String> overload = dreamnet.overload().enabled()
                ? OverloadViews.attention(dreamnet.overloadView())
                : List.of();
        return Summary.of(new Summary.Inputs(dreamnet.state(), dreamnet.downstreams().breakers().stream()
                .map(CircuitBreaker::snapshot).toList(), flags.state(), flags.configVersion(),
                SignalViews.of(dreamnet.requestMetrics().snapshot(), saturation.read()), WatchdogViews.of(readings),
                WatchdogViews.attention(readings), overload,
                dreamnet.rollouts().all().stream().map(RolloutViews::of).toList(), dreamnet.fleetViews().view(),
                dreamnet.attention()));
    }

    private Object mode(String name, boolean enable, String actor, @Nullable String reason) {
        Mode mode = switch (name) {
            case "brownout" -> Mode.BROWNOUT;
            case "emergency" -> Mode.EMERGENCY;
            default -> throw unknown("mode", name, "brownout, emergency");
        };
        if (reason == null || reason.isBlank()) {
            throw new Operator.Refused(400, "bad request", "reason: required, why the mode changes");
        }
        Mode current = dreamnet.flags().snapshot().state().mode();
        if (!enable && current != mode) {
            throw new Operator.Refused(409, "conflict", mode + " is not on (the mode is " + current + ")");
        }
        Mode next = enable ? mode : Mode.NORMAL;
        return flagChange(state -> state.withMode(next), "mode." + (enable ? "enable" : "disable"), "mode", actor,
                reason);
    }

    private Object killSwitch(String name, boolean on, String actor, @Nullable String reason) {
        if (!name.equals("safe-mode") && !name.equals("write-drain")) {
            throw unknown("kill switch", name, "safe-mode, write-drain");
        }
        return flagChange(state -> state.withKillSwitches(name.equals("safe-mode")
                        ? new KillSwitches(on, state.killSwitches().writeDrain())
                        : new KillSwitches(state.killSwitches().safeMode(), on)), "kill-switch." + name, name, actor,
                reason == null ? name + (on ? " on" : " off") + " by operator" : reason);
    }

    private Object flagChange(UnaryOperator<FlagState> change, String action, String target, String actor,
                              String reason) {
        FlagService flags = dreamnet.flags();
        String before = FlagService.describe(flags.snapshot().state());
        return FlagViews.of(flags, flags.change(change, actor, action, target, before, reason));
    }

    private Object breaker(String name, String action, String actor, @Nullable String reason) {
        CircuitBreaker breaker = dreamnet.downstreams().breakers().stream().filter(b -> b.name().equals(name))
                .findFirst().orElseThrow(() -> new Operator.Refused(404, "not found", "no circuit breaker \"" + name
                        + "\" (known: " + String.join(", ", dreamnet.downstreams().breakers().stream()
                        .map(CircuitBreaker::name).toList()) + ")"));
        String why = reason == null ? action + " by operator" : reason;
        String before = breaker.state().name();
        switch (action) {
            case "force-open" -> breaker.forceOpen(why);
            case "force-closed" -> breaker.forceClosed(why);
            case "reset" -> breaker.reset(why);
            default -> throw badValue("action", action, "force-open, force-closed, reset");
        }
        dreamnet.audit().record(actor, "breaker." + action, name, before, breaker.state().name(), why);
        return BreakerViews.of(breaker, dreamnet.downstreams().retry(name));
    }

    private Object rollout(String name, String action, String actor, @Nullable String reason) {
        if (dreamnet.rollouts().find(name).isEmpty()) {
            throw new Operator.Refused(404, "not found", "no rollout \"" + name + "\"");
        }
        String why = reason == null ? action + " by operator" : reason;
        Function<Rollout, ?> operation = switch (action) {
            case "promote" -> Rollout::promote;
            case "pause" -> Rollout::pause;
            case "resume" -> Rollout::resume;
            case "rollback" -> rollout -> {
                rollout.rollback(why);
                return rollout;
            };
            default -> throw badValue("action", action, "promote, pause, resume, rollback");
        };
        return RolloutViews.of(dreamnet.rollouts().operate(name, action, rollout -> {
            operation.apply(rollout);
            return rollout;
        }, actor, why));
    }

    /**
     * {@code overload/pin} takes the mode from automatic brownout (in a fleet, on every instance); {@code unpin} gives
     * it back.
     */
    private Object pinning(String name, String actor, @Nullable String reason) {
        switch (name) {
            case "pin" -> dreamnet.automaticBrownout().pin(actor, reason == null ? "mode pinned by operator" : reason);
            case "unpin" -> dreamnet.automaticBrownout().unpin(actor,
                    reason == null ? "automatic brownout allowed again" : reason);
            default -> throw unknown("overload action", name, "pin, unpin");
        }
        return dreamnet.overloadView();
    }

    private String knownFlag(String name) {
        if (!dreamnet.flags().snapshot().contains(name)) {
            throw new Operator.Refused(404, "not found", "no flag \"" + name + "\" in the flags file");
        }
        return name;
    }

    private static String checked(String reason) {
        try {
            return AuditReason.check(reason);
        } catch (IllegalArgumentException e) {
            throw new Operator.Refused(400, "bad request", e.getMessage());
        }
    }

    /** {@code enabled} as JSON's {@code true} or {@code false}; "yes", "off" or 1 are refused, not guessed at. */
    private static boolean onOff(@Nullable String enabled) {
        return switch (required(enabled, "enabled")) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new Operator.Refused(400, "bad request", "enabled must be true or false, was \""
                    + enabled + "\"");
        };
    }

    private static <T> T required(@Nullable T value, String field) {
        if (value == null) {
            throw new Operator.Refused(400, "bad request", field + ": required");
        }
        return value;
    }

    /** A value of the body that is none of those it may be: the request is wrong, not a missing resource. */
    private static Operator.Refused badValue(String field, String value, String known) {
        return new Operator.Refused(400, "bad request", field + " must be one of " + known + ", was \"" + value + "\"");
    }

    private static Operator.Refused unknown(String what, String value, String known) {
        return new Operator.Refused(404, "not found", "no " + what + " \"" + value + "\" (known: " + known + ")");
    }
}
