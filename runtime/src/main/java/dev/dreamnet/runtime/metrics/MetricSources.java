package dev.dreamnet.runtime.metrics;

import dev.dreamnet.core.breaker.CircuitBreakerSnapshot;
import dev.dreamnet.core.flags.FlagSnapshot;
import dev.dreamnet.core.health.HealthReport;
import dev.dreamnet.core.watchdog.Reading;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Where the service's own meters read their values at scrape time. Every supplier must be cheap and
 * must not block; a queue that cannot be read right now is left out rather than reported as 0.
 */
public record MetricSources(Supplier<List<CircuitBreakerSnapshot>> breakers, Supplier<HealthReport> gates,
                            Supplier<FlagSnapshot> flags, IntSupplier inFlight,
                            Supplier<List<QueueDepth>> queues, Supplier<List<Reading>> watchdogs,
                            Supplier<List<RolloutMetric>> rollouts,
                            Supplier<java.util.Optional<dev.dreamnet.runtime.fleet.SharedState.Status>> shared,
                            Supplier<java.util.Optional<dev.dreamnet.runtime.overload.OverloadViews.OverloadView>> overload,
                            Supplier<java.util.Map<String, dev.dreamnet.runtime.resilience.OutboundSnapshot>> outbound,
                            Supplier<List<dev.dreamnet.core.slo.SloStatus>> slos, LatencyExemplars exemplars) {

    /** One rollout: its status, the canary's share and how many decisions of each kind it took. */
    public record RolloutMetric(String rollout, String status, double percent, java.util.Map<String, Long> decisions) {
    }


    /** One queue's depth, its dead-letter queue's depth and how many messages were ever dead-lettered. */
    public record QueueDepth(String queue, long depth, long deadLetterDepth, long deadLetteredTotal) {
    }
}
