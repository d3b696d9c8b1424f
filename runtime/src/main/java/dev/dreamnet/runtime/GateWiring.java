package dev.dreamnet.runtime;

import dev.dreamnet.runtime.ServiceState;
import dev.dreamnet.core.health.GateConfig;
import dev.dreamnet.core.health.HealthCheck;
import dev.dreamnet.core.health.HealthGate;
import dev.dreamnet.core.health.HealthGates;
import dev.dreamnet.core.startup.NodeState;
import dev.dreamnet.core.startup.StartupSnapshot;
import dev.dreamnet.core.time.Clock;
import dev.dreamnet.core.time.Scheduler;
import dev.dreamnet.runtime.kinds.AdvisoryCheck;
import dev.dreamnet.runtime.kinds.Kinds;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * Gives every started service that can check itself (database, HTTP and TCP kinds) a health
 * gate, critical when the service is, and keeps the service state informed of gate changes.
 */
final class GateWiring {

    private final Kinds kinds;
    private final HealthGates gates;
    private final ServiceState state;
    private final Clock clock;
    private final Scheduler scheduler;
    private final Executor executor;
    private final Duration startupInterval;
    private final Duration interval;

    GateWiring(Kinds kinds, HealthGates gates, ServiceState state, Clock clock, Scheduler scheduler,
               Executor executor, Duration startupInterval, Duration interval) {
        this.kinds = kinds;
        this.gates = gates;
        this.state = state;
        this.clock = clock;
        this.scheduler = scheduler;
        this.executor = executor;
        this.startupInterval = startupInterval;
        this.interval = interval;
    }

    /** Adds a gate for each READY service with a check, then starts them all. */
    void wire(StartupSnapshot startup) {
        startup.nodes().stream().filter(node -> node.state() == NodeState.READY).forEach(node ->
                kinds.component(node.name(), HealthCheck.class).ifPresent(check -> gates.add(
                        HealthGate.builder(config(node.name(), critical(node.critical(), check)), check)
                                .clock(clock).scheduler(scheduler).executor(executor)
                                .listener(transition -> state.refresh())
                                .build())));
        gates.start();
        state.refresh();
    }

    /** A critical service's gate is critical, unless its check is only advisory. */
    private static boolean critical(boolean serviceCritical, HealthCheck check) {
        return serviceCritical && !(check instanceof AdvisoryCheck);
    }

    private GateConfig config(String name, boolean critical) {
        // A check must finish within its interval, so a short interval shortens the timeout too.
        Duration timeout = GateConfig.DEFAULT_TIMEOUT.compareTo(interval) < 0 ? GateConfig.DEFAULT_TIMEOUT
                : interval.dividedBy(2);
        return GateConfig.builder(name).critical(critical).startupInterval(startupInterval).interval(interval)
                .timeout(timeout).build();
    }
}
