package dev.dreamnet.core.queue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The declared queues and the one backend that holds them, so that callers use queues by name.
 * The set of specs is fixed when the registry is built; immutable, and thread-safe as its backend is.
 */
public final class QueueRegistry implements AutoCloseable {

    private final Map<String, QueueSpec> specs;
    private final QueueBackend backend;
    private final String source;

    private QueueRegistry(Map<String, QueueSpec> specs, QueueBackend backend, String source) {
        this.specs = Collections.unmodifiableMap(specs);
        this.backend = backend;
        this.source = source;
    }

    /**
     * A registry of {@code specs} on {@code backend}; {@code source} names where the specs come from
     * ({@code config/queues.yaml}) in drift errors.
     *
     * @throws IllegalArgumentException if two specs share a name, or a queue is another's dead-letter queue
     */
    public static QueueRegistry of(List<QueueSpec> specs, QueueBackend backend, String source) {
        Objects.requireNonNull(backend, "backend must not be null");
        Objects.requireNonNull(source, "source must not be null");
        Map<String, QueueSpec> byName = new LinkedHashMap<>();
        for (QueueSpec spec : specs) {
            if (byName.putIfAbsent(spec.name(), spec) != null) {
                throw new IllegalArgumentException("queue \"" + spec.name() + "\" is declared twice");
            }
        }
        for (QueueSpec spec : specs) {
            if (byName.containsKey(spec.deadLetterQueue())) {
                throw new IllegalArgumentException("queue \"" + spec.name() + "\": deadLetterQueue \""
                        + spec.deadLetterQueue() + "\" is also declared as a queue; a dead-letter queue is not a work queue");
            }
        }
        return new QueueRegistry(byName, backend, source);
    }

    /**
     * Declares every queue, in order, and returns what happened to each. Stops at the first drift,
     * which names {@code source}; queues declared before it stay declared.
     *
     * @throws QueueDriftException if a queue exists with other settings
     */
    public Map<String, DeclareOutcome> declareAll() {
        Map<String, DeclareOutcome> outcomes = new LinkedHashMap<>();
        for (QueueSpec spec : specs.values()) {
            try {
                outcomes.put(spec.name(), backend.declare(spec));
            } catch (QueueDriftException e) {
                throw e.declaredIn(source);
            }
        }
        return Collections.unmodifiableMap(outcomes);
    }

    /**
     * The spec of {@code name}.
     *
     * @throws UnknownQueueException suggesting the closest declared name
     */
    public QueueSpec spec(String name) {
        QueueSpec spec = specs.get(name);
        if (spec == null) {
            throw new UnknownQueueException(name, specs.keySet());
        }
        return spec;
    }

    /** Every spec, in declaration order. */
    public List<QueueSpec> specs() {
        return List.copyOf(specs.values());
    }

    public void publish(String queue, byte[] payload) {
        backend.publish(spec(queue).name(), payload);
    }

    public PollOutcome poll(String queue, MessageHandler handler) {
        return backend.poll(spec(queue).name(), handler);
    }

    public QueueStats stats(String queue) {
        return backend.stats(spec(queue).name());
    }

    /** The stats of every queue, in declaration order. */
    public List<QueueStats> stats() {
        List<QueueStats> all = new ArrayList<>();
        for (String name : specs.keySet()) {
            all.add(backend.stats(name));
        }
        return all;
    }

    public List<DeadLetter> deadLetters(String queue, int limit) {
        return backend.deadLetters(spec(queue).name(), limit);
    }

    public QueueBackend backend() {
        return backend;
    }

    /** Closes the backend. */
    @Override
    public void close() {
        backend.close();
    }
}
