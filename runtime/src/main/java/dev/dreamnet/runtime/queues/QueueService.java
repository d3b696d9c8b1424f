package dev.dreamnet.runtime.queues;

import dev.dreamnet.core.queue.QueueException;
import dev.dreamnet.core.queue.QueueRegistry;
import dev.dreamnet.core.queue.QueueSpec;
import dev.dreamnet.core.queue.QueueStats;
import dev.dreamnet.core.startup.ServiceSpec;
import dev.dreamnet.core.startup.StartupGraph;
import dev.dreamnet.runtime.metrics.MetricSources;
import dev.dreamnet.runtime.resilience.Downstreams;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's queues: the declared specs (from {@code config/queues.yaml}, read before startup) and,
 * once the {@code queues} service has started, the registry over the chosen backend. Thread-safe.
 */
public final class QueueService {

    private static final Logger LOG = LoggerFactory.getLogger(QueueService.class);

    private final List<QueueSpec> specs;
    private final String source;
    private final AtomicReference<QueueRegistry> registry = new AtomicReference<>();
    private volatile Supplier<?> relay = () -> null;

    public QueueService(List<QueueSpec> specs, String source) {
        this.specs = List.copyOf(specs);
        this.source = source;
    }

    /** What the application's outbox relay reports (how far it got), shown beside the queues; none by default. */
    public void reportRelay(Supplier<?> relay) {
        this.relay = java.util.Objects.requireNonNull(relay, "relay");
    }

    /** The relay's report now, or null. */
    public Object relay() {
        return relay.get();
    }

    public List<QueueSpec> specs() {
        return specs;
    }

    /** Where the specs came from, e.g. {@code config/queues.yaml}. */
    public String source() {
        return source;
    }

    /**
     * Each service of a consumer kind in the graph reads its own queue, {@code queueFor} of its kind:
     * one missing from the queues file is a configuration error, reported before anything starts.
     */
    public void requireConsumedQueues(StartupGraph graph, java.util.Collection<String> consumerKinds,
                                      UnaryOperator<String> queueFor) {
        for (ServiceSpec service : graph.services()) {
            if (consumerKinds.contains(service.kind())) {
                String queue = queueFor.apply(service.kind());
                if (specs.stream().noneMatch(spec -> spec.name().equals(queue))) {
                    throw new IllegalArgumentException(graph.source() + ": service \"" + service.name()
                            + "\" consumes queue \"" + queue + "\", which " + (specs.isEmpty()
                            ? "is not declared: no queues file (--queues, default config/queues.yaml)"
                            : source + " does not declare"));
                }
            }
        }
    }

    /** The registry, once the {@code queues} service is up. */
    public Optional<QueueRegistry> registry() {
        return Optional.ofNullable(registry.get());
    }

    /** The registry; throws the "not started" error the HTTP layer turns into a 503. */
    public QueueRegistry require() {
        QueueRegistry current = registry.get();
        if (current == null) {
            throw new IllegalStateException("the queues service has not started");
        }
        return current;
    }

    void attach(QueueRegistry started) {
        registry.set(started);
    }

    QueueRegistry detach() {
        return registry.getAndSet(null);
    }

    /**
     * The counts of {@code queue}, read through the {@code queue} breaker: an open breaker refuses at
     * once, and a read that fails counts against it like any other queue call.
     */
    public static QueueStats stats(Downstreams downstreams, QueueRegistry registry, String queue) {
        try {
            return downstreams.call(Downstreams.QUEUE, () -> registry.stats(queue));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new QueueException("queue \"" + queue + "\": stats unavailable: " + e.getMessage(), e);
        }
    }

    /** Depths for {@code /metrics}: a queue that cannot be read right now is left out, not reported as 0. */
    public List<MetricSources.QueueDepth> depths(Downstreams downstreams) {
        QueueRegistry current = registry.get();
        if (current == null) {
            return List.of();
        }
        List<MetricSources.QueueDepth> depths = new ArrayList<>();
        for (QueueSpec spec : current.specs()) {
            try {
                QueueStats s = stats(downstreams, current, spec.name());
                depths.add(new MetricSources.QueueDepth(s.queue(), s.depth(), s.deadLetterDepth(), s.deadLetteredTotal()));
            } catch (RuntimeException e) {
                LOG.debug("queue {}: stats unavailable: {}", spec.name(), e.getMessage());
            }
        }
        return depths;
    }
}
