package dev.dreamnet.runtime.fleet;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The fleet as operators see it: every live instance sharing this database, the versions each runs, and whether
 * they have converged (one configuration version, and every instance on the latest shared state version). In fleet
 * mode it also says whether this instance follows the shared state or serves a stale copy, and since when; that part
 * answers even while the database is down.
 */
public final class FleetViews {

    private final InstanceRegistry registry;
    private final Optional<SharedState> shared;

    public FleetViews(InstanceRegistry registry, Optional<SharedState> shared) {
        this.registry = registry;
        this.shared = shared;
    }

    public record InstanceView(String id, String address, Instant startedAt, Instant lastHeartbeat,
                               String configVersion, long stateVersion, boolean self) {
    }

    /** {@code live} and {@code instances} are null when the registry cannot be read; {@code error} says why. */
    public record FleetView(String self, Integer live, boolean converged, Long latestVersion, Set<String> configVersions,
                            Set<Long> stateVersions, List<InstanceView> instances, SharedState.Status sharedState,
                            String lastError, String error) {
    }

    /** The fleet as far as it can be read now: never fails, so the summary and the endpoint always answer. */
    public FleetView view() {
        SharedState.Status status = shared.map(SharedState::status).orElse(null);
        Long latest = status == null ? null : status.version();
        List<InstanceRegistry.Instance> live;
        try {
            live = registry.live();
        } catch (Exception e) {
            return new FleetView(registry.id(), null, false, latest, Set.of(), Set.of(), null, status,
                    registry.lastError(), "the instance registry cannot be read: " + e.getMessage());
        }
        List<InstanceView> instances = live.stream().map(i -> new InstanceView(i.id(), i.address(),
                Instant.ofEpochMilli(i.startedAtMillis()), Instant.ofEpochMilli(i.heartbeatAtMillis()),
                i.configVersion(), i.stateVersion(), i.id().equals(registry.id()))).toList();
        Set<String> configs = live.stream().map(InstanceRegistry.Instance::configVersion)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<Long> states = live.stream().map(InstanceRegistry.Instance::stateVersion)
                .collect(Collectors.toCollection(TreeSet::new));
        boolean converged = configs.size() == 1 && states.size() == 1
                && (latest == null || states.iterator().next() >= latest);
        return new FleetView(registry.id(), live.size(), converged, latest, configs, states, instances, status,
                registry.lastError(), null);
    }
}
