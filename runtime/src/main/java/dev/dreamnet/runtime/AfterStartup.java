package dev.dreamnet.runtime;

import dev.dreamnet.core.startup.StartupSnapshot;
import dev.dreamnet.core.startup.StartupStatus;
import dev.dreamnet.runtime.flags.FlagService;
import dev.dreamnet.runtime.fleet.FleetMode;
import dev.dreamnet.runtime.fleet.InstanceRegistry;
import dev.dreamnet.runtime.rollouts.RolloutService;
import dev.dreamnet.runtime.tracing.StartupTrace;
import dev.dreamnet.runtime.tracing.Tracing;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@link DreamNet} does with the startup graph's result before readiness reflects it: records the startup trace,
 * wires the health gates, opens the store when it holds something to restore (joining the fleet, restoring rollouts)
 * and starts what writes to it. A refusal by the fleet turns the result into FAILED.
 */
final class AfterStartup {

    private static final Logger LOG = LoggerFactory.getLogger(DreamNet.class);

    private final ServiceState state;
    private final GateWiring wiring;
    private final Tracing tracing;
    private final ToolkitStore store;
    private final FlagService flags;
    private final RolloutService rollouts;
    private final InstanceRegistry instances;
    private final Optional<FleetMode> fleetMode;
    private final Objectives objectives;

    AfterStartup(ServiceState state, GateWiring wiring, Tracing tracing, ToolkitStore store, FlagService flags,
            RolloutService rollouts, InstanceRegistry instances, Optional<FleetMode> fleetMode, Objectives objectives) {
        this.state = state;
        this.wiring = wiring;
        this.tracing = tracing;
        this.store = store;
        this.flags = flags;
        this.rollouts = rollouts;
        this.instances = instances;
        this.fleetMode = fleetMode;
        this.objectives = objectives;
    }

    /** Acts on {@code result}, then sets the service's startup status from it. */
    void follow(StartupSnapshot result) {
        if (tracing.enabled()) {
            try {
                StartupTrace.record(tracing.tracer(), result);
            } catch (RuntimeException e) {
                LOG.warn("startup trace: {}", e.toString());
            }
        }
        LOG.info("startup {} in {} ms (critical path {} ms: {}){}", result.status(), result.elapsed().toMillis(),
                result.criticalPathDuration().toMillis(), String.join(" -> ", result.criticalPath()),
                result.reason() == null ? "" : ": " + result.reason());
        if (result.status().isUp()) {
            wiring.wire(result);
            if (store.nothingToRestore()) {
                // No rollout is stored (a new database file, or one marked as holding none), so nothing is restored
                // before traffic, and the store opens at its first use: an application that writes nothing never opens it.
                rollouts.startWithNothingStored();
            } else if (!restoreFromStore()) {
                state.startup(StartupStatus.FAILED);
                return;
            }
            // The fleet registry's heartbeats and the SLOs' minutes: each writes to the store from now on (once open).
            instances.start();
            objectives.startJudging();
        }
        state.startup(result.status());
    }

    /** Opens the store with its tables, joins the fleet and restores rollouts; false when the fleet refused it. */
    private boolean restoreFromStore() {
        try {
            store.ensureTables();
        } catch (Exception e) {
            LOG.error("the toolkit's tables could not be created: {}; the audit log keeps entries in the log "
                    + "only and rollouts are not restored", e.getMessage());
        }
        if (fleetMode.isPresent() && !fleetMode.get().join(flags, rollouts, objectives.automaticBrownout())) {
            return false;
        }
        try {
            rollouts.start();
        } catch (Exception e) {
            LOG.error("rollouts could not be restored: {}; they are not judged until restart", e.getMessage());
        }
        return true;
    }
}
