package dev.dreamnet.server.fleet;

import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code GET /api/observability/fleet}: every live instance sharing this database, the versions each
 * runs, and whether they have converged (one configuration version and one flag-state version).
 */
public final class FleetRoutes {

    private final InstanceRegistry registry;

    public FleetRoutes(InstanceRegistry registry) {
        this.registry = registry;
    }

    public record InstanceView(String id, String address, Instant startedAt, Instant lastHeartbeat,
                               String configVersion, long stateVersion, boolean self) {
    }

    public record FleetView(String self, int live, boolean converged, Set<String> configVersions,
                            Set<Long> stateVersions, List<InstanceView> instances, String lastError) {
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/api/observability/fleet", ctx -> ctx.json(view()));
    }

    /** The fleet, or null when the database cannot be read right now (for the summary, which must not fail). */
    public FleetView viewOrNull() {
        try {
            return view();
        } catch (Exception e) {
            return null;
        }
    }

    public FleetView view() throws Exception {
        List<InstanceRegistry.Instance> live = registry.live();
        List<InstanceView> instances = live.stream().map(i -> new InstanceView(i.id(), i.address(),
                Instant.ofEpochMilli(i.startedAtMillis()), Instant.ofEpochMilli(i.heartbeatAtMillis()),
                i.configVersion(), i.stateVersion(), i.id().equals(registry.id()))).toList();
        Set<String> configs = live.stream().map(InstanceRegistry.Instance::configVersion)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        Set<Long> states = live.stream().map(InstanceRegistry.Instance::stateVersion)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        return new FleetView(registry.id(), live.size(), configs.size() == 1 && states.size() == 1, configs, states,
                instances, registry.lastError());
    }
}
