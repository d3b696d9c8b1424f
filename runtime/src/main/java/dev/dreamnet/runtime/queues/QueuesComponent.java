package dev.dreamnet.runtime.queues;

import dev.dreamnet.core.health.CheckResult;
import dev.dreamnet.core.queue.DeclareOutcome;
import dev.dreamnet.core.queue.QueueBackend;
import dev.dreamnet.core.queue.QueueRegistry;
import dev.dreamnet.core.queue.QueueStats;
import dev.dreamnet.core.startup.Component;
import dev.dreamnet.runtime.kinds.AdvisoryCheck;
import dev.dreamnet.runtime.resilience.Downstreams;
import dev.dreamnet.core.watchdog.Watchdogs;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code queues} service: opens the backend (the embedded database queue, or RabbitMQ with
 * {@code --queue}), declares every queue of {@code config/queues.yaml} (created if missing, a no-op if
 * identical, a startup failure naming each difference if it exists with other settings), hands the
 * registry to the server and gives each queue its depth and dead-letter watchdogs. Its health gate
 * reads every queue's counts and is advisory: a broker outage makes the service DEGRADED, not
 * unready, since accepted dreams wait in the outbox until the broker is back. The check and the
 * watchdogs read through the {@code queue} breaker, so an open breaker fails them at once instead
 * of asking a broker that does not answer.
 */
public final class QueuesComponent implements Component, AdvisoryCheck {

    private static final Logger LOG = LoggerFactory.getLogger(QueuesComponent.class);

    private final QueueService service;
    private final Supplier<QueueBackend> backend;
    private final Watchdogs watchdogs;
    private final Downstreams downstreams;

    public QueuesComponent(QueueService service, Supplier<QueueBackend> backend, Watchdogs watchdogs,
                           Downstreams downstreams) {
        this.service = service;
        this.backend = backend;
        this.watchdogs = watchdogs;
        this.downstreams = downstreams;
    }

    @Override
    public void start() {
        QueueRegistry registry = QueueRegistry.of(service.specs(), backend.get(), service.source());
        try {
            Map<String, DeclareOutcome> declared = registry.declareAll();
            declared.forEach((queue, outcome) -> LOG.info("queue {} on {}: {}", queue, registry.backend().describe(),
                    outcome));
        } catch (RuntimeException e) {
            registry.close();
            throw e;
        }
        service.attach(registry);
        for (var spec : registry.specs()) {
            watchdogs.registerQueue(spec.name(), queue -> {
                QueueStats s = QueueService.stats(downstreams, registry, queue);
                return new dev.dreamnet.core.watchdog.QueueStats(s.depth(), s.deadLetterDepth(), s.deadLetteredTotal());
            });
        }
    }

    @Override
    public CheckResult check() throws Exception {
        QueueRegistry registry = service.require();
        long depth = 0;
        for (QueueStats stats : downstreams.call(Downstreams.QUEUE, registry::stats)) {
            depth += stats.depth();
        }
        return CheckResult.pass(registry.specs().size() + " queue(s) readable on " + registry.backend().describe()
                + ", " + depth + " message(s) waiting");
    }

    @Override
    public void stop() {
        QueueRegistry registry = service.detach();
        if (registry != null) {
            for (var spec : registry.specs()) {
                watchdogs.unregister("queue-depth:" + spec.name());
                watchdogs.unregister("dlq-rate:" + spec.name());
            }
            registry.close();
        }
    }
}
