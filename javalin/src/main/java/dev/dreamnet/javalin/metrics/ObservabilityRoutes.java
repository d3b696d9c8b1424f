package dev.dreamnet.javalin.metrics;

import dev.dreamnet.runtime.metrics.SignalViews;
import dev.dreamnet.runtime.metrics.Summary;
import dev.dreamnet.runtime.metrics.WatchdogViews;

import dev.dreamnet.core.metrics.RequestMetrics;
import dev.dreamnet.runtime.ServiceState;
import dev.dreamnet.runtime.flags.FlagService;
import dev.dreamnet.runtime.resilience.Downstreams;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;
import java.util.function.Supplier;
import dev.dreamnet.core.watchdog.Reading;
import dev.dreamnet.runtime.fleet.FleetViews;
import dev.dreamnet.runtime.metrics.Saturation;
import dev.dreamnet.runtime.rollouts.RolloutViews;

/**
 * {@code /api/observability/golden-signals}, {@code /watchdogs} and {@code /summary}. Reads only:
 * the read token, when configured, is checked before these routes by the application.
 */
public final class ObservabilityRoutes {

    private final RequestMetrics requests;
    private final Saturation saturation;
    private final ServiceState service;
    private final Downstreams downstreams;
    private final FlagService flags;
    private final Supplier<List<Reading>> watchdogs;
    private final Supplier<List<RolloutViews.RolloutView>> rollouts;
    private final Supplier<FleetViews.FleetView> fleet;
    private final Supplier<List<String>> overloadAttention;
    private final Supplier<List<String>> sloAttention;

    public ObservabilityRoutes(RequestMetrics requests, Saturation saturation, ServiceState service,
                               Downstreams downstreams, FlagService flags, Supplier<List<Reading>> watchdogs,
                               Supplier<List<RolloutViews.RolloutView>> rollouts,
                               Supplier<FleetViews.FleetView> fleet, Supplier<List<String>> overloadAttention,
                               Supplier<List<String>> sloAttention) {
        this.fleet = fleet;
        this.sloAttention = sloAttention;
        this.overloadAttention = overloadAttention;
        this.watchdogs = watchdogs;
        this.rollouts = rollouts;
        this.requests = requests;
        this.saturation = saturation;
        this.service = service;
        this.downstreams = downstreams;
        this.flags = flags;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/api/observability/golden-signals", ctx -> ctx.json(goldenSignals()));
        routes.get("/api/observability/watchdogs", ctx -> ctx.json(WatchdogViews.of(watchdogs.get())));
        routes.get("/api/observability/summary", ctx -> ctx.json(summary()));
    }

    public SignalViews.GoldenSignals goldenSignals() {
        return SignalViews.of(requests.snapshot(), saturation.read());
    }

    public Summary.Document summary() {
        var flagSnapshot = flags.snapshot();
        List<Reading> readings = watchdogs.get();
        return Summary.of(new Summary.Inputs(service, downstreams.breakers().stream().map(b -> b.snapshot()).toList(),
                flagSnapshot.state(), flagSnapshot.configVersion(), goldenSignals(), WatchdogViews.of(readings),
                WatchdogViews.attention(readings), overloadAttention.get(), rollouts.get(), fleet.get(),
                sloAttention.get()));
    }
}
