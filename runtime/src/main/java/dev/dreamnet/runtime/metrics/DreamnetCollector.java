package dev.dreamnet.runtime.metrics;

import dev.dreamnet.core.breaker.CircuitBreaker;
import dev.dreamnet.core.breaker.CircuitBreakerSnapshot;
import dev.dreamnet.core.flags.FlagDecision;
import dev.dreamnet.core.flags.FlagSnapshot;
import dev.dreamnet.core.flags.Mode;
import dev.dreamnet.core.health.GateSnapshot;
import dev.dreamnet.core.health.HealthReport;
import dev.dreamnet.core.health.OverallStatus;
import dev.dreamnet.core.metrics.RequestMetrics;
import dev.dreamnet.core.watchdog.Reading;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.List;

/**
 * DreamNet's own meters for {@code /metrics}: request latency as cumulative histogram buckets per
 * route and outcome (buckets aggregate across instances, unlike percentiles), requests in flight,
 * breaker states, gate readiness, the degradation mode, kill switches, flags and queue depths.
 * Read from live state at each scrape. Thread-safe.
 */
public final class DreamnetCollector implements MultiCollector {

    /** Bucket upper bounds in seconds; the last, +Inf, holds everything. */
    static final double[] BOUNDS = java.util.stream.DoubleStream.concat(
            dev.dreamnet.core.slo.Slo.LATENCY_BOUNDS_SECONDS.stream().mapToDouble(Double::doubleValue),
            java.util.stream.DoubleStream.of(Double.POSITIVE_INFINITY)).toArray();

    private final RequestMetrics requests;
    private final MetricSources sources;

    public DreamnetCollector(RequestMetrics requests, MetricSources sources) {
        this.requests = requests;
        this.sources = sources;
    }

    @Override
    public MetricSnapshots collect() {
        FlagSnapshot flags = sources.flags().get();
        List<MetricSources.QueueDepth> queues = sources.queues().get(); // one read of every queue per scrape
        List<MetricSnapshot> all = new java.util.ArrayList<>(List.of(requests(), inFlight(), breakerState(),
                breakerRejections(), gates(), health(), mode(flags), killSwitches(flags), flagsEnabled(flags),
                queueDepth(queues), deadLetterDepth(queues), deadLettered(queues), watchdogs(), rolloutPercent(),
                rolloutStatus(), rolloutDecisions()));
        sources.shared().get().ifPresent(status -> {
            all.add(gauge("dreamnet_shared_state_version", "The fleet-wide state version this instance follows")
                    .dataPoint(point(Labels.EMPTY, status.version())).build());
            all.add(gauge("dreamnet_shared_state_stale", "1 while this instance cannot follow the shared state")
                    .dataPoint(point(Labels.EMPTY, status.stale() ? 1 : 0)).build());
        });
        sources.overload().get().ifPresent(overload -> overload(overload, all));
        outbound(sources.outbound().get(), all);
        slos(sources.slos().get(), all);
        return new MetricSnapshots(all);
    }

    private static void outbound(java.util.Map<String, dev.dreamnet.runtime.resilience.OutboundSnapshot> outbound,
                                 List<MetricSnapshot> all) {
        GaugeSnapshot.Builder inUse = gauge("dreamnet_outbound_bulkhead_in_use", "Calls holding a place in the bulkhead");
        GaugeSnapshot.Builder cap = gauge("dreamnet_outbound_bulkhead_max_concurrent", "The bulkhead's cap");
        CounterSnapshot.Builder full = counter("dreamnet_outbound_bulkhead_refused_calls",
                "Calls the bulkhead refused since start");
        GaugeSnapshot.Builder probability = gauge("dreamnet_outbound_throttle_probability",
                "The adaptive throttle's current probability of rejecting a call locally");
        CounterSnapshot.Builder throttled = counter("dreamnet_outbound_throttle_rejected_calls",
                "Calls the adaptive throttle rejected locally since start");
        CounterSnapshot.Builder hedges = counter("dreamnet_outbound_hedges", "Hedged calls sent since start");
        CounterSnapshot.Builder won = counter("dreamnet_outbound_hedges_won", "Hedges that answered first");
        CounterSnapshot.Builder refusedHedges = counter("dreamnet_outbound_hedges_refused",
                "Hedges not sent for lack of budget since start");
        outbound.forEach((name, each) -> {
            Labels labels = Labels.of("service", name);
            if (each.bulkhead() != null) {
                inUse.dataPoint(point(labels, each.bulkhead().inUse()));
                cap.dataPoint(point(labels, each.bulkhead().maxConcurrent()));
                full.dataPoint(count(labels, each.bulkhead().refused()));
            }
            if (each.throttle() != null) {
                probability.dataPoint(point(labels, each.throttle().probability()));
                throttled.dataPoint(count(labels, each.throttle().rejected()));
            }
            if (each.hedge() != null) {
                hedges.dataPoint(count(labels, each.hedge().sent()));
                won.dataPoint(count(labels, each.hedge().won()));
                refusedHedges.dataPoint(count(labels, each.hedge().budgetRefused()));
            }
        });
        for (MetricSnapshot snapshot : List.of(inUse.build(), cap.build(), full.build(), probability.build(),
                throttled.build(), hedges.build(), won.build(), refusedHedges.build())) {
            if (!snapshot.getDataPoints().isEmpty()) {
                all.add(snapshot);
            }
        }
    }

    private static void slos(List<dev.dreamnet.core.slo.SloStatus> slos, List<MetricSnapshot> all) {
        if (slos.isEmpty()) {
            return;
        }
        GaugeSnapshot.Builder objective = gauge("dreamnet_slo_objective", "The share of requests that must be good");
        GaugeSnapshot.Builder burn = gauge("dreamnet_slo_burn_rate",
                "How fast the error budget burns over the window (1 = it lasts exactly the objective's window)");
        GaugeSnapshot.Builder remaining = gauge("dreamnet_slo_error_budget_remaining",
                "The share of the error budget left over the objective's window (below 0 when overspent)");
        GaugeSnapshot.Builder state = gauge("dreamnet_slo_state", "0 OK, 1 TICKET, 2 PAGE (multiwindow burn-rate alerts)");
        GaugeSnapshot.Builder exhaustion = gauge("dreamnet_slo_seconds_to_exhaustion",
                "Seconds until the error budget is gone at the last hour's burn rate (absent when nothing burns)");
        for (dev.dreamnet.core.slo.SloStatus status : slos) {
            Labels labels = Labels.of("slo", status.slo().name());
            objective.dataPoint(point(labels, status.slo().objective()));
            status.burnRates().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                    .forEach(e -> burn.dataPoint(point(Labels.of("slo", status.slo().name(), "window", e.getKey()),
                            e.getValue())));
            remaining.dataPoint(point(labels, status.budgetRemaining()));
            state.dataPoint(point(labels, status.state().ordinal()));
            if (status.timeToExhaustion() != null) {
                exhaustion.dataPoint(point(labels, status.timeToExhaustion().toSeconds()));
            }
        }
        for (MetricSnapshot snapshot : List.of(objective.build(), burn.build(), remaining.build(), state.build(),
                exhaustion.build())) {
            if (!snapshot.getDataPoints().isEmpty()) {
                all.add(snapshot);
            }
        }
    }

    private static CounterSnapshot.Builder counter(String name, String help) {
        return CounterSnapshot.builder().name(name).help(help);
    }

    private static CounterSnapshot.CounterDataPointSnapshot count(Labels labels, long value) {
        return CounterSnapshot.CounterDataPointSnapshot.builder().labels(labels).value(value).build();
    }

    private static void overload(dev.dreamnet.runtime.overload.OverloadViews.OverloadView view, List<MetricSnapshot> all) {
        all.add(gauge("dreamnet_overload_limit", "The adaptive concurrency limit on the application's routes")
                .dataPoint(point(Labels.EMPTY, view.limit())).build());
        all.add(gauge("dreamnet_overload_in_flight", "Requests holding a place under the concurrency limit")
                .dataPoint(point(Labels.EMPTY, view.inflight())).build());
        all.add(gauge("dreamnet_overload_waiting", "Requests waiting for a place under the concurrency limit")
                .dataPoint(point(Labels.EMPTY, view.waiting())).build());
        all.add(gauge("dreamnet_overload_automatic_brownout", "1 while DreamNet keeps a brownout of its own")
                .dataPoint(point(Labels.EMPTY, view.automaticBrownout().state().equals("BROWNOUT") ? 1 : 0)).build());
        CounterSnapshot.Builder refused = CounterSnapshot.builder().name("dreamnet_overload_refused_requests")
                .help("Requests refused by the concurrency limit since start, by class and reason (share: 429, "
                        + "limit: 503)");
        view.refused().forEach((criticality, reasons) -> reasons.forEach((reason, count) -> refused.dataPoint(
                CounterSnapshot.CounterDataPointSnapshot.builder()
                        .labels(Labels.of("class", criticality, "reason", reason)).value(count).build())));
        all.add(refused.build());
    }

    private GaugeSnapshot rolloutPercent() {
        GaugeSnapshot.Builder gauge = gauge("dreamnet_rollout_canary_percent", "Share of subjects the canary serves, 0..100");
        sources.rollouts().get().forEach(r -> gauge.dataPoint(point(Labels.of("rollout", r.rollout()), r.percent())));
        return gauge.build();
    }

    private GaugeSnapshot rolloutStatus() {
        GaugeSnapshot.Builder gauge = gauge("dreamnet_rollout_status", "1 for the rollout's status, 0 for the others");
        for (MetricSources.RolloutMetric r : sources.rollouts().get()) {
            for (dev.dreamnet.core.rollout.RolloutStatus status : dev.dreamnet.core.rollout.RolloutStatus.values()) {
                gauge.dataPoint(point(Labels.of("rollout", r.rollout(), "status", status.name()),
                        status.name().equals(r.status()) ? 1 : 0));
            }
        }
        return gauge.build();
    }

    private CounterSnapshot rolloutDecisions() {
        CounterSnapshot.Builder counter = CounterSnapshot.builder().name("dreamnet_rollout_decisions")
                .help("Decisions a rollout took since start: started, promoted(_automatic), paused, resumed, "
                        + "rolledback(_automatic), failureignored");
        for (MetricSources.RolloutMetric r : sources.rollouts().get()) {
            r.decisions().forEach((decision, count) -> counter.dataPoint(CounterSnapshot.CounterDataPointSnapshot
                    .builder().labels(Labels.of("rollout", r.rollout(), "decision", decision)).value(count).build()));
        }
        return counter.build();
    }

    private GaugeSnapshot watchdogs() {
        GaugeSnapshot.Builder gauge = gauge("dreamnet_watchdog_level", "Each watchdog's level: 0 OK, 1 WARN, 2 CRIT");
        for (Reading reading : sources.watchdogs().get()) {
            gauge.dataPoint(point(Labels.of("watchdog", reading.name()), reading.level().ordinal()));
        }
        return gauge.build();
    }

    private HistogramSnapshot requests() {
        HistogramSnapshot.Builder histogram = HistogramSnapshot.builder().name("dreamnet_http_server_requests_seconds")
                .unit(Unit.SECONDS).help("HTTP requests by route template and outcome, latency in seconds");
        for (RequestMetrics.SinceStart series : requests.sinceStart()) {
            long[] counts = new long[BOUNDS.length];
            long below = 0;
            for (int i = 0; i < BOUNDS.length - 1; i++) {
                long atOrBelow = series.countAtOrBelow((long) (BOUNDS[i] * 1e6));
                counts[i] = atOrBelow - below;
                below = atOrBelow;
            }
            counts[BOUNDS.length - 1] = series.micros().getTotalCount() - below;
            histogram.dataPoint(HistogramSnapshot.HistogramDataPointSnapshot.builder()
                    .labels(routeLabels(series.route()).add("outcome", series.outcome().name()))
                    .classicHistogramBuckets(ClassicHistogramBuckets.of(BOUNDS, counts))
                    .sum(series.sumSeconds()).exemplars(exemplars(series)).build());
        }
        return histogram.build();
    }

    /** The traced requests of this series, one per bucket, for OpenMetrics exemplars. */
    private io.prometheus.metrics.model.snapshots.Exemplars exemplars(RequestMetrics.SinceStart series) {
        List<LatencyExemplars.Sample> samples = sources.exemplars().of(series.route(), series.outcome());
        if (samples.isEmpty()) {
            return io.prometheus.metrics.model.snapshots.Exemplars.EMPTY;
        }
        return io.prometheus.metrics.model.snapshots.Exemplars.of(samples.stream().map(sample -> {
            var exemplar = io.prometheus.metrics.model.snapshots.Exemplar.builder().value(sample.seconds())
                    .traceId(sample.traceId()).spanId(sample.spanId());
            return (sample.wallMillis() > 0 ? exemplar.timestampMillis(sample.wallMillis()) : exemplar).build();
        }).toList());
    }

    private static Labels routeLabels(String route) {
        int space = route.indexOf(' ');
        return space < 0 ? Labels.of("method", "", "route", route)
                : Labels.of("method", route.substring(0, space), "route", route.substring(space + 1));
    }

    private GaugeSnapshot inFlight() {
        return gauge("dreamnet_http_server_requests_in_flight", "HTTP requests being served right now")
                .dataPoint(point(Labels.EMPTY, sources.inFlight().getAsInt())).build();
    }

    private GaugeSnapshot breakerState() {
        GaugeSnapshot.Builder gauge = gauge("dreamnet_circuit_breaker_state",
                "1 for the state each circuit breaker is in, 0 for the others");
        for (CircuitBreakerSnapshot breaker : sources.breakers().get()) {
            for (CircuitBreaker.State state : CircuitBreaker.State.values()) {
                gauge.dataPoint(point(Labels.of("name", breaker.name(), "state", state.name()),
                        breaker.state() == state ? 1 : 0));
            }
        }
        return gauge.build();
    }

    private CounterSnapshot breakerRejections() {
        CounterSnapshot.Builder counter = CounterSnapshot.builder().name("dreamnet_circuit_breaker_not_permitted_calls")
                .help("Calls a circuit breaker refused since start");
        for (CircuitBreakerSnapshot breaker : sources.breakers().get()) {
            counter.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder()
                    .labels(Labels.of("name", breaker.name())).value(breaker.notPermittedCalls()).build());
        }
        return counter.build();
    }

    private GaugeSnapshot gates() {
        GaugeSnapshot.Builder gauge = gauge("dreamnet_health_gate_ready", "1 when the health gate is ready, else 0");
        for (GateSnapshot gate : sources.gates().get().gates()) {
            gauge.dataPoint(point(Labels.of("gate", gate.name(), "critical", Boolean.toString(gate.critical())),
                    gate.ready() ? 1 : 0));
        }
        return gauge.build();
    }

    private GaugeSnapshot health() {
        HealthReport report = sources.gates().get();
        GaugeSnapshot.Builder gauge = gauge("dreamnet_health_status", "1 for the overall health status, 0 for the others");
        for (OverallStatus status : OverallStatus.values()) {
            gauge.dataPoint(point(Labels.of("status", status.name()), report.status() == status ? 1 : 0));
        }
        return gauge.build();
    }

    private static GaugeSnapshot mode(FlagSnapshot flags) {
        GaugeSnapshot.Builder gauge = gauge("dreamnet_mode", "1 for the degradation mode in force, 0 for the others");
        for (Mode mode : Mode.values()) {
            gauge.dataPoint(point(Labels.of("mode", mode.name()), flags.state().mode() == mode ? 1 : 0));
        }
        return gauge.build();
    }

    private static GaugeSnapshot killSwitches(FlagSnapshot flags) {
        return gauge("dreamnet_kill_switch_on", "1 when the kill switch is on")
                .dataPoint(point(Labels.of("switch", "SAFE_MODE"), flags.state().killSwitches().safeMode() ? 1 : 0))
                .dataPoint(point(Labels.of("switch", "WRITE_DRAIN"), flags.state().killSwitches().writeDrain() ? 1 : 0))
                .build();
    }

    private static GaugeSnapshot flagsEnabled(FlagSnapshot flags) {
        GaugeSnapshot.Builder gauge = gauge("dreamnet_flag_enabled",
                "1 when the feature flag evaluates to on, after mode, kill switches and overrides");
        for (FlagDecision decision : flags.decisions()) {
            gauge.dataPoint(point(Labels.of("flag", decision.name(), "rule", decision.rule().name()),
                    decision.enabled() ? 1 : 0));
        }
        return gauge.build();
    }

    private static GaugeSnapshot queueDepth(List<MetricSources.QueueDepth> queues) {
        GaugeSnapshot.Builder gauge = gauge("dreamnet_queue_depth", "Messages waiting in the queue");
        queues.forEach(q -> gauge.dataPoint(point(Labels.of("queue", q.queue()), q.depth())));
        return gauge.build();
    }

    private static GaugeSnapshot deadLetterDepth(List<MetricSources.QueueDepth> queues) {
        GaugeSnapshot.Builder gauge = gauge("dreamnet_queue_dead_letter_depth", "Messages in the queue's dead-letter queue");
        queues.forEach(q -> gauge.dataPoint(point(Labels.of("queue", q.queue()), q.deadLetterDepth())));
        return gauge.build();
    }

    private static CounterSnapshot deadLettered(List<MetricSources.QueueDepth> queues) {
        CounterSnapshot.Builder counter = CounterSnapshot.builder().name("dreamnet_queue_dead_lettered_messages")
                .help("Messages moved to the dead-letter queue after their last attempt");
        queues.forEach(q -> counter.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder()
                .labels(Labels.of("queue", q.queue())).value(q.deadLetteredTotal()).build()));
        return counter.build();
    }

    private static GaugeSnapshot.Builder gauge(String name, String help) {
        return GaugeSnapshot.builder().name(name).help(help);
    }

    private static GaugeSnapshot.GaugeDataPointSnapshot point(Labels labels, double value) {
        return GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(labels).value(value).build();
    }
}
