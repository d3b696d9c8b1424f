package dev.dreamnet.reference.agents;

import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Collection;
import java.util.Map;

/** {@code GET /api/observability/agents}: each agent's state (RUNNING, QUARANTINED, STOPPED) and work done. */
public final class AgentRoutes {

    private final Collection<Agent> agents;

    public AgentRoutes(Collection<Agent> agents) {
        this.agents = agents;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/api/observability/agents",
                ctx -> ctx.json(Map.of("agents", agents.stream().map(Agent::view).toList())));
    }
}
