package dev.dreamnet.server;

import dev.dreamnet.core.time.Clock;
import dev.dreamnet.server.agents.Agent;
import dev.dreamnet.server.dreams.ReferenceService;
import dev.dreamnet.server.kinds.Kinds;
import java.util.List;

/** The component kinds {@code dreamnet serve} registers beyond the built-in ones and the reference service's. */
public final class ServerKinds {

    public static final String QUEUES = "queues";
    public static final String OUTBOX = "outbox";
    public static final String AUDIT = "audit";

    private ServerKinds() {
    }

    /**
     * Every kind {@code dreamnet serve} knows, with components that do nothing, so that a graph file
     * can be checked ({@code dreamnet dag validate}) exactly as the server would resolve it.
     */
    public static Kinds forValidation() {
        Kinds kinds = Kinds.builtIn("jdbc:h2:mem:dreamnet-validate");
        new ReferenceService(kinds, Clock.system(), open -> { }).register();
        for (String kind : List.of(QUEUES, OUTBOX, AUDIT)) {
            kinds.register(kind, spec -> () -> { });
        }
        Agent.NAMES.forEach(agent -> kinds.register(agent, spec -> () -> { }));
        return kinds;
    }
}
