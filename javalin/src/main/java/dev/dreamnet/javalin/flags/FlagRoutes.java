package dev.dreamnet.javalin.flags;

import dev.dreamnet.runtime.flags.FlagService;
import dev.dreamnet.runtime.flags.FlagViews;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dreamnet.core.flags.FlagSnapshot;
import dev.dreamnet.core.flags.FlagState;
import dev.dreamnet.core.flags.KillSwitches;
import dev.dreamnet.core.flags.Mode;
import dev.dreamnet.runtime.auth.AccessControl;
import dev.dreamnet.javalin.http.Actor;
import dev.dreamnet.javalin.http.ApiException;
import dev.dreamnet.javalin.http.Reasons;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The seed's flag API: {@code GET /api/integration-flags}, and admin writes for modes
 * ({@code /brownout/enable|disable}, {@code /emergency/enable|disable}, with a JSON {@code reason}),
 * kill switches ({@code /safe-mode/...}, {@code /write-drain/...}), per-flag overrides and agent
 * quarantine. Writes need an admin token; the read needs a read token when read tokens are configured
 * ({@link dev.dreamnet.javalin.auth.ReadGate}).
 */
public final class FlagRoutes {

    static final String BASE = "/api/integration-flags";

    private final FlagService flags;
    private final AccessControl access;

    public FlagRoutes(FlagService flags, AccessControl access) {
        this.flags = flags;
        this.access = access;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.get(BASE, ctx -> ctx.json(FlagViews.of(flags)));
        for (Mode mode : new Mode[] {Mode.BROWNOUT, Mode.EMERGENCY}) {
            String path = BASE + "/" + mode.name().toLowerCase();
            routes.post(path + "/enable", ctx -> setMode(ctx, mode, true));
            routes.post(path + "/disable", ctx -> setMode(ctx, mode, false));
        }
        routes.post(BASE + "/safe-mode/enable", ctx -> setSwitch(ctx, "safe-mode", true));
        routes.post(BASE + "/safe-mode/disable", ctx -> setSwitch(ctx, "safe-mode", false));
        routes.post(BASE + "/write-drain/enable", ctx -> setSwitch(ctx, "write-drain", true));
        routes.post(BASE + "/write-drain/disable", ctx -> setSwitch(ctx, "write-drain", false));
        routes.post(BASE + "/flags/{name}/override", this::override);
        routes.post(BASE + "/flags/{name}/clear-override", this::clearOverride);
        routes.post(BASE + "/agents/{name}/quarantine", ctx -> quarantine(ctx, true));
        routes.post(BASE + "/agents/{name}/release", ctx -> quarantine(ctx, false));
    }

    private void setMode(Context ctx, Mode mode, boolean enable) {
        access.requireAdmin(ctx.header("Authorization"));
        JsonNode body = Reasons.body(ctx, "reason");
        String reason = Reasons.required(body);
        Mode current = flags.snapshot().state().mode();
        if (!enable && current != mode) {
            throw new ApiException(409, "conflict", mode + " is not on (the mode is " + current + ")");
        }
        Mode next = enable ? mode : Mode.NORMAL;
        apply(ctx, state -> state.withMode(next), "mode." + (enable ? "enable" : "disable"), "mode", reason);
    }

    private void setSwitch(Context ctx, String name, boolean on) {
        access.requireAdmin(ctx.header("Authorization"));
        String reason = Reasons.optional(Reasons.body(ctx, "reason"), name + (on ? " on" : " off") + " by operator");
        apply(ctx, state -> state.withKillSwitches(name.equals("safe-mode")
                ? new KillSwitches(on, state.killSwitches().writeDrain())
                : new KillSwitches(state.killSwitches().safeMode(), on)),
                "kill-switch." + name, name, reason);
    }

    private void override(Context ctx) {
        access.requireAdmin(ctx.header("Authorization"));
        String name = knownFlag(ctx.pathParam("name"));
        JsonNode body = Reasons.body(ctx, "enabled", "reason");
        JsonNode enabled = body == null ? null : body.get("enabled");
        if (enabled == null || !enabled.isBoolean()) {
            throw ApiException.badRequest("enabled must be true or false");
        }
        String reason = Reasons.optional(body, "override by operator");
        apply(ctx, state -> state.withOverride(name, enabled.asBoolean()), "flag.override", name, reason);
    }

    /** An override that is not set is a 404 (NoOverrideException); one whose flag left the file is still cleared. */
    private void clearOverride(Context ctx) {
        access.requireAdmin(ctx.header("Authorization"));
        String reason = Reasons.optional(Reasons.body(ctx, "reason"), "override cleared by operator");
        ctx.json(FlagViews.of(flags, flags.clearOverride(ctx.pathParam("name"), Actor.of(ctx), reason)));
    }

    private void quarantine(Context ctx, boolean quarantined) {
        access.requireAdmin(ctx.header("Authorization"));
        String agent = ctx.pathParam("name");
        List<String> agents = flags.snapshot().definitions().stream().flatMap(d -> d.agent().stream()).toList();
        if (!agents.contains(agent)) {
            throw ApiException.notFound("no agent \"" + agent + "\" in the flags file (agents: "
                    + String.join(", ", agents) + ")");
        }
        String reason = Reasons.optional(Reasons.body(ctx, "reason"), (quarantined ? "quarantined" : "released") + " by operator");
        apply(ctx, state -> state.withQuarantine(agent, quarantined),
                "agent." + (quarantined ? "quarantine" : "release"), agent, reason);
    }

    private void apply(Context ctx, UnaryOperator<FlagState> change, String action, String target, String reason) {
        String before = FlagService.describe(flags.snapshot().state());
        FlagSnapshot after = flags.change(change, Actor.of(ctx), action, target, before, reason);
        ctx.json(FlagViews.of(flags, after));
    }

    private String knownFlag(String name) {
        if (!flags.snapshot().contains(name)) {
            throw ApiException.notFound("no flag \"" + name + "\" in the flags file");
        }
        return name;
    }
}
