package dev.dreamnet.javalin.http;

import dev.dreamnet.runtime.Probes;
import dev.dreamnet.runtime.Views;

import dev.dreamnet.core.health.HealthReport;
import dev.dreamnet.core.startup.NodeState;
import dev.dreamnet.core.startup.StartupSnapshot;
import dev.dreamnet.runtime.ServiceState;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes-style probes and the startup and gate endpoints. Probes are open to everyone and
 * answer 200 or 503 with a JSON body; liveness looks at the process only, never a dependency.
 */
public final class ProbeRoutes {

    private final ServiceState state;

    public ProbeRoutes(ServiceState state) {
        this.state = state;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.get(Probes.LIVE, ctx -> ctx.json(Map.of("status", "UP")));
        routes.get(Probes.STARTUP, this::startup);
        routes.get(Probes.READY, this::ready);
        routes.get("/api/health", this::ready);
        routes.get("/api/observability/startup-dag", ctx -> ctx.json(Views.startup(state.dag().snapshot())));
        routes.get("/api/observability/health-gates", ctx -> ctx.json(Views.gates(state.gates().snapshot())));
    }

    private void startup(Context ctx) {
        StartupSnapshot dag = state.dag().snapshot();
        ctx.status(dag.status().isUp() ? 200 : 503);
        ctx.json(new StartupProbeView(dag.status().name(), dag.elapsed().toMillis(), dag.reason()));
    }

    /** The startup probe's body; {@code reason} is null unless startup failed or is degraded. */
    public record StartupProbeView(String status, long elapsedMs, String reason) {
    }

    /** The readiness document: overall status, why, the gates, and what is not running. */
    public record ReadyView(String status, boolean ready, String reason, String startup, boolean draining,
                            List<Views.GateView> gates, List<NotRunning> notRunning) {
    }

    /** A service that is not READY: its state, what blocks it and why. */
    public record NotRunning(String name, String state, boolean critical, String blockedBy, String error) {
    }

    private void ready(Context ctx) {
        ServiceState.Readiness readiness = state.readiness();
        HealthReport report = state.gates().snapshot();
        StartupSnapshot dag = state.dag().snapshot();
        List<NotRunning> notRunning = dag.nodes().stream()
                .filter(n -> n.state() != NodeState.READY)
                .map(n -> new NotRunning(n.name(), n.state().name(), n.critical(), n.blockedBy(), n.error()))
                .toList();
        String status = readiness.ready() ? (notRunning.isEmpty() ? report.status().name() : "DEGRADED") : "NOT_READY";
        ctx.status(readiness.ready() ? 200 : 503);
        ctx.json(new ReadyView(status, readiness.ready(), readiness.reason(), dag.status().name(), state.draining(),
                Views.gates(report).gates(), notRunning));
    }
}
