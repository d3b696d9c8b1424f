package dev.dreamnet.javalin.queues;

import dev.dreamnet.runtime.queues.QueueService;

import dev.dreamnet.core.queue.DeadLetter;
import dev.dreamnet.core.queue.QueueRegistry;
import dev.dreamnet.core.queue.QueueSpec;
import dev.dreamnet.core.queue.QueueStats;
import dev.dreamnet.javalin.http.Params;
import dev.dreamnet.runtime.resilience.Downstreams;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code GET /api/observability/queues}: every declared queue with its settings and counts, the
 * backend, and what the application's relay reports (the reference service's: how far its dream-events relay got); {@code GET /api/observability/queues/{name}/dead-letters}:
 * the oldest dead letters with their last error. 503 until the {@code queues} service is up. Counts
 * are read through the {@code queue} breaker: while it is open each queue shows the breaker's error.
 */
public final class QueueRoutes {

    private final QueueService queues;
    private final Supplier<?> relay;
    private final Downstreams downstreams;

    /** {@code relay} supplies the {@code relay} field of the view, serialized as JSON. */
    public QueueRoutes(QueueService queues, Supplier<?> relay, Downstreams downstreams) {
        this.queues = queues;
        this.relay = relay;
        this.downstreams = downstreams;
    }

    public record QueueView(String name, String deadLetterQueue, int maxAttempts, long redeliveryDelayMs,
                            long visibilityTimeoutMs, String type, Long depth, Long retrying, Long inFlight,
                            Long deadLetterDepth, Long deadLetteredTotal, String error) {
    }

    public record QueuesView(String backend, String source, List<QueueView> queues,
                             Object relay) {
    }

    public record DeadLetterView(String id, int attempts, String lastError, String payload, Instant deadLetteredAt) {
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/api/observability/queues", ctx -> ctx.json(view()));
        routes.get("/api/observability/queues/{name}/dead-letters", this::deadLetters);
    }

    public QueuesView view() {
        QueueRegistry registry = queues.require();
        List<QueueView> views = new ArrayList<>();
        for (QueueSpec spec : registry.specs()) {
            views.add(view(registry, spec));
        }
        return new QueuesView(registry.backend().describe(), queues.source(), views, relay.get());
    }

    private QueueView view(QueueRegistry registry, QueueSpec spec) {
        try {
            QueueStats s = QueueService.stats(downstreams, registry, spec.name());
            return new QueueView(spec.name(), spec.deadLetterQueue(), spec.maxAttempts(),
                    spec.redeliveryDelay().toMillis(), spec.visibilityTimeout().toMillis(), spec.type().name(),
                    s.depth(), s.retrying(), s.inFlight(), s.deadLetterDepth(), s.deadLetteredTotal(), null);
        } catch (RuntimeException e) {
            return new QueueView(spec.name(), spec.deadLetterQueue(), spec.maxAttempts(),
                    spec.redeliveryDelay().toMillis(), spec.visibilityTimeout().toMillis(), spec.type().name(),
                    null, null, null, null, null, e.getMessage());
        }
    }

    private void deadLetters(Context ctx) {
        int limit = (int) Params.query(ctx, "limit", 20, 1, 500);
        QueueRegistry registry = queues.require();
        List<DeadLetterView> letters = new ArrayList<>();
        for (DeadLetter letter : registry.deadLetters(ctx.pathParam("name"), limit)) {
            letters.add(new DeadLetterView(letter.id(), letter.attempts(), letter.lastError(),
                    letter.text(), letter.deadLetteredAt()));
        }
        ctx.json(java.util.Map.of("queue", ctx.pathParam("name"), "deadLetters", letters));
    }
}
