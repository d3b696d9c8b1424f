package dev.dreamnet.runtime.metrics;


import dev.dreamnet.core.breaker.CircuitBreaker;
import dev.dreamnet.core.breaker.CircuitBreakerSnapshot;
import dev.dreamnet.core.flags.FlagState;
import dev.dreamnet.core.health.GateSnapshot;
import dev.dreamnet.core.health.HealthReport;
import dev.dreamnet.core.startup.NodeState;
import dev.dreamnet.core.startup.StartupSnapshot;
import dev.dreamnet.runtime.ServiceState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one document for a human in an incident ({@code /api/observability/summary}): what needs
 * attention first, in words, then health, mode and kill switches, breakers, rollouts, gates,
 * startup, golden signals, saturation and watchdogs, each in brief.
 */
public final class Summary {

    private Summary() {
    }

    public record Health(String status, boolean ready, String reason, boolean draining) {
    }

    public record ModeView(String mode, boolean safeMode, boolean writeDrain, List<String> quarantinedAgents,
                           long stateVersion, String configVersion) {
    }

    public record Breaker(String name, String state, double failureRate, long notPermittedCalls, Instant nextAttemptAt) {
    }

    public record Gate(String name, boolean critical, boolean ready, String lastDetail) {
    }

    public record Gates(String status, int ready, int total, List<Gate> gates) {
    }

    public record Startup(String status, long elapsedMs, List<String> criticalPath, List<String> notReady) {
    }

    public record Document(Instant at, List<String> attention, Health health, ModeView mode, List<Breaker> breakers,
                           List<dev.dreamnet.runtime.rollouts.RolloutViews.RolloutView> rollouts, Gates gates, Startup startup,
                           Map<String, SignalViews.Window> goldenSignals, Saturation.View saturation,
                           WatchdogViews.WatchdogsView watchdogs, Fleet fleet) {
    }

    /**
     * How many instances share this database and whether they run the same versions ({@code live} null
     * when the registry cannot be read), and in fleet mode whether this one follows the shared state.
     */
    public record Fleet(Integer live, boolean converged, Long latestVersion, java.util.Set<String> configVersions,
                        java.util.Set<Long> stateVersions, dev.dreamnet.runtime.fleet.SharedState.Status sharedState,
                        List<dev.dreamnet.runtime.fleet.FleetViews.InstanceView> instances, String error) {
    }

    /** Everything the summary is made of, read at one moment. */
    public record Inputs(ServiceState service, List<CircuitBreakerSnapshot> breakers, FlagState flags,
                         String configVersion, SignalViews.GoldenSignals signals, WatchdogViews.WatchdogsView watchdogs,
                         List<String> watchdogAttention, List<String> overloadAttention,
                         List<dev.dreamnet.runtime.rollouts.RolloutViews.RolloutView> rollouts,
                         dev.dreamnet.runtime.fleet.FleetViews.FleetView fleet, List<String> sloAttention) {
    }

    public static Document of(Inputs in) {
        ServiceState.Readiness readiness = in.service().readiness();
        HealthReport report = in.service().gates().snapshot();
        StartupSnapshot dag = in.service().dag().snapshot();
        String status = readiness.ready() ? report.status().name() : "NOT_READY";
        List<Breaker> breakers = in.breakers().stream().map(b -> new Breaker(b.name(), b.state().name(),
                b.failureRate(), b.notPermittedCalls(), b.nextAttemptAt())).toList();
        List<Gate> gates = report.gates().stream().map(g -> new Gate(g.name(), g.critical(), g.ready(),
                g.lastResult() == null ? null : g.lastResult().detail())).toList();
        List<String> notReady = dag.nodes().stream().filter(n -> n.state() != NodeState.READY)
                .map(n -> n.name() + " " + n.state()).toList();
        FlagState flags = in.flags();
        return new Document(in.signals().at(), attention(in, readiness, report, notReady),
                new Health(status, readiness.ready(), readiness.reason(), in.service().draining()),
                new ModeView(flags.mode().name(), flags.killSwitches().safeMode(), flags.killSwitches().writeDrain(),
                        List.copyOf(new java.util.TreeSet<>(flags.quarantinedAgents())), flags.version(),
                        in.configVersion()),
                breakers, in.rollouts(),
                new Gates(report.status().name(), (int) gates.stream().filter(Gate::ready).count(), gates.size(), gates),
                new Startup(dag.status().name(), dag.elapsed().toMillis(), dag.criticalPath(), notReady),
                in.signals().overall(), in.signals().saturation(), in.watchdogs(), in.fleet() == null ? null
                        : new Fleet(in.fleet().live(), in.fleet().converged(), in.fleet().latestVersion(),
                        in.fleet().configVersions(), in.fleet().stateVersions(), in.fleet().sharedState(),
                        in.fleet().instances(), in.fleet().error()));
    }

    private static List<String> attention(Inputs in, ServiceState.Readiness readiness, HealthReport report,
                                          List<String> notReady) {
        List<String> lines = new ArrayList<>();
        if (!readiness.ready()) {
            lines.add("not ready: " + readiness.reason());
        }
        FlagState flags = in.flags();
        if (flags.mode() != dev.dreamnet.core.flags.Mode.NORMAL) {
            lines.add("mode is " + flags.mode());
        }
        if (flags.killSwitches().safeMode()) {
            lines.add("SAFE_MODE is on: tool use and external calls are refused");
        }
        if (flags.killSwitches().writeDrain()) {
            lines.add("WRITE_DRAIN is on: writes are refused with 503");
        }
        flags.quarantinedAgents().stream().sorted().forEach(agent -> lines.add("agent " + agent + " is quarantined"));
        for (CircuitBreakerSnapshot b : in.breakers()) {
            if (b.state() != CircuitBreaker.State.CLOSED) {
                lines.add(dev.dreamnet.runtime.resilience.BreakerViews.attention(b));
            }
        }
        for (GateSnapshot g : report.gates()) {
            if (!g.ready()) {
                lines.add((g.critical() ? "critical" : "non-critical") + " gate " + g.name() + " is not ready"
                        + (g.lastResult() == null ? "" : ": " + g.lastResult().detail()));
            }
        }
        notReady.forEach(node -> lines.add("service " + node));
        SignalViews.Window oneMinute = in.signals().overall().values().stream().findFirst().orElse(null);
        if (oneMinute != null && oneMinute.errors().serverErrors() > 0) {
            lines.add(String.format(java.util.Locale.ROOT, "%.1f%% of requests failed with 5xx over the last %ds",
                    oneMinute.errors().serverErrorRate() * 100, oneMinute.windowSeconds()));
        }
        for (var rollout : in.rollouts()) {
            if (rollout.status().equals("ROLLED_BACK")) {
                lines.add("rollout " + rollout.name() + " was rolled back: " + rollout.reason());
            } else if (!rollout.status().equals("PROMOTED")) {
                lines.add("rollout " + rollout.name() + " is " + rollout.status() + " at " + rollout.percent() + "%");
            }
        }
        fleetAttention(in.fleet(), lines);
        lines.addAll(in.sloAttention());
        lines.addAll(in.overloadAttention());
        lines.addAll(in.watchdogAttention());
        return lines;
    }

    private static void fleetAttention(dev.dreamnet.runtime.fleet.FleetViews.FleetView fleet, List<String> lines) {
        if (fleet == null) {
            return;
        }
        var shared = fleet.sharedState();
        if (shared != null && shared.stale()) {
            lines.add("shared state stale since " + (shared.staleSince() == null ? "start" : shared.staleSince())
                    + ": serving with the last known state (version " + shared.version()
                    + "); operator changes are refused until PostgreSQL is back"
                    + (shared.lastError() == null ? "" : " (" + shared.lastError() + ")"));
        } else if (shared != null && !shared.writable()) {
            lines.add("shared state connected, but operator changes are refused "
                    + (shared.writesRefusedUntil() == null
                    ? "while the database's circuit breaker is forced open: reset it to write"
                    : "until " + shared.writesRefusedUntil() + ", while the database's circuit breaker is open"));
        }
        if (fleet.live() == null) {
            lines.add("fleet unknown: " + fleet.error());
        } else if (!fleet.converged()) {
            lines.add("fleet not converged: " + fleet.live() + " instances run configuration versions "
                    + fleet.configVersions() + " and flag-state versions " + fleet.stateVersions()
                    + (fleet.latestVersion() == null ? "" : "; the latest is " + fleet.latestVersion()));
        }
    }
}
