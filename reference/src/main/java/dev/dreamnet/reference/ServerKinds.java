package dev.dreamnet.reference;

import dev.dreamnet.core.queue.QueueBackend;
import dev.dreamnet.core.time.Clock;
import dev.dreamnet.jdbc.queue.DatabaseQueueBackend;
import dev.dreamnet.rabbitmq.RabbitQueueBackend;
import dev.dreamnet.reference.agents.Agent;
import dev.dreamnet.reference.dreams.ReferenceService;
import dev.dreamnet.runtime.resilience.Downstreams;
import dev.dreamnet.runtime.kinds.Kinds;
import java.net.URI;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;

/** The component kinds {@code dreamnet serve} registers beyond the built-in ones and the reference service's. */
public final class ServerKinds {

    public static final String QUEUES = "queues";
    public static final String OUTBOX = "outbox";
    public static final String AUDIT = "audit";
    /** The kinds registered here whose components use the {@code database} service's pool. */
    static final List<String> ON_DATABASE = Stream.concat(Stream.of(QUEUES, OUTBOX, AUDIT), Agent.NAMES.stream()).toList();

    private ServerKinds() {
    }

    /**
     * The queue backend of {@code --queue URL}: RabbitMQ when given, no wait on it longer than the
     * {@code queue} service's timeout ({@code config/resilience.yaml}), else the embedded database queue.
     */
    static QueueBackend queueBackend(String queueUrl, DataSource database, Clock clock, Downstreams downstreams) {
        return queueUrl == null ? DatabaseQueueBackend.create(database, clock)
                : RabbitQueueBackend.connect(URI.create(queueUrl), clock, downstreams.timeout(Downstreams.QUEUE));
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
        return kinds.needDatabase(ON_DATABASE);
    }
}
