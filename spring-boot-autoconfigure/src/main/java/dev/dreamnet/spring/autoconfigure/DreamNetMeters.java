package dev.dreamnet.spring.autoconfigure;

import dev.dreamnet.core.breaker.CircuitBreaker;
import dev.dreamnet.core.flags.FlagDefinition;
import dev.dreamnet.core.flags.Mode;
import dev.dreamnet.core.health.GateSnapshot;
import dev.dreamnet.core.health.OverallStatus;
import dev.dreamnet.core.metrics.RequestMetrics;
import dev.dreamnet.core.overload.Criticality;
import dev.dreamnet.core.slo.SloStatus;
import dev.dreamnet.core.time.Repeating;
import dev.dreamnet.core.watchdog.Watchdog;
import dev.dreamnet.runtime.DreamNet;
import dev.dreamnet.runtime.overload.OverloadProtection;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * DreamNet's meters in the application's own {@link MeterRegistry} (no second registry): requests per route and
 * outcome, requests in flight, breaker states and refusals, health gates and status, the mode, kill switches, flags,
 * watchdogs and overload protection. Values are read live when the registry reads them; meters for things that appear later (gates once the
 * graph has started, flags of a reloaded file, new routes) are added every few seconds. Thread-safe.
 */
public final class DreamNetMeters implements MeterBinder {

    private static final Duration REFRESH = Duration.ofSeconds(5);

    private final DreamNet dreamnet;
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private volatile Map<String, RequestMetrics.SinceStart> requests = Map.of();
    private volatile MeterRegistry registry;
    

    public DreamNetMeters(DreamNet dreamnet) {
        this.dreamnet = dreamnet;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        gauge("dreamnet.http.server.requests.in.flight", Tags.empty(), d -> d.inFlight().count(),
                "HTTP requests being served right now");
        for (String name : dreamnet.downstreams().names()) { // the breakers themselves are built at first use
            for (CircuitBreaker.State state : CircuitBreaker.State.values()) {
                gauge("dreamnet.circuit.breaker.state", Tags.of("name", name, "state", state.name()),
                        d -> d.downstreams().breaker(name).state() == state ? 1 : 0,
                        "1 for the breaker's state, 0 for the others");
            }
            FunctionCounter.builder("dreamnet.circuit.breaker.not.permitted.calls", dreamnet,
                            d -> d.downstreams().breaker(name).snapshot().notPermittedCalls())
                    .tags("name", name).description("Calls refused by the open breaker").register(registry);
        }
        for (OverallStatus status : OverallStatus.values()) {
            gauge("dreamnet.health.status", Tags.of("status", status.name()),
                    d -> d.state().gates().status() == status ? 1 : 0, "1 for the overall health status");
        }
        for (Mode mode : Mode.values()) {
            gauge("dreamnet.mode", Tags.of("mode", mode.name()),
                    d -> d.flags().snapshot().state().mode() == mode ? 1 : 0, "1 for the degradation mode in force");
        }
        gauge("dreamnet.kill.switch.on", Tags.of("switch", "SAFE_MODE"),
                d -> d.flags().killSwitches().safeMode() ? 1 : 0, "1 when the kill switch is on");
        gauge("dreamnet.kill.switch.on", Tags.of("switch", "WRITE_DRAIN"),
                d -> d.flags().killSwitches().writeDrain() ? 1 : 0, "1 when the kill switch is on");
        overload(registry);
        refresh();
        Repeating repeating = new Repeating(dreamnet.clock(), dreamnet.scheduler(), Runnable::run, REFRESH,
                this::refresh);
        repeating.start();
        dreamnet.afterDrain("stop refreshing the meters", repeating::stop);
    }

    private void overload(MeterRegistry registry) {
        gauge("dreamnet.overload.limit", Tags.empty(), d -> d.overload().limiter().limit(),
                "The adaptive concurrency limit on the application's routes (dreamnet.overload)");
        gauge("dreamnet.overload.in.flight", Tags.empty(), d -> d.overload().limiter().inflight(),
                "Requests holding a place under the concurrency limit");
        for (Criticality criticality : Criticality.values()) {
            for (OverloadProtection.Refusal why : OverloadProtection.Refusal.values()) {
                FunctionCounter.builder("dreamnet.overload.refused.requests", dreamnet,
                                d -> d.overload().refused(criticality, why))
                        .tags("class", criticality.name(),
                                "reason", why == OverloadProtection.Refusal.OVER_SHARE ? "share" : "limit")
                        .description("Requests refused by overload protection (429 share, 503 limit)")
                        .register(registry);
            }
        }
    }

    /** Adds meters for gates, flags, watchdogs and routes that have none yet, and reads the request series once. */
    void refresh() {
        MeterRegistry target = registry;
        if (target == null) {
            return;
        }
        for (GateSnapshot gate : dreamnet.state().gates().snapshot().gates()) {
            String name = gate.name();
            once("gate " + name, () -> gauge("dreamnet.health.gate.ready", Tags.of("gate", name, "critical",
                    Boolean.toString(gate.critical())), d -> d.state().gates().find(name)
                    .map(g -> g.snapshot().ready() ? 1 : 0).orElse(0), "1 when the health gate is ready"));
        }
        for (FlagDefinition flag : dreamnet.flags().snapshot().definitions()) {
            String name = flag.name();
            once("flag " + name, () -> gauge("dreamnet.flag.enabled", Tags.of("flag", name),
                    d -> d.flags().allows(name) ? 1 : 0, "1 when the flag is on, every rule applied"));
        }
        for (Watchdog watchdog : dreamnet.watchdogs().all()) { // their names: the gauge reads them when scraped
            String name = watchdog.name();
            once("watchdog " + name, () -> gauge("dreamnet.watchdog.level", Tags.of("watchdog", name),
                    d -> d.watchdogReadings().stream().filter(r -> r.name().equals(name)).findFirst()
                            .map(r -> r.level().ordinal()).orElse(0), "Each watchdog's level: 0 OK, 1 WARN, 2 CRIT"));
        }
        for (SloStatus status : dreamnet.slos().statuses()) {
            String name = status.slo().name();
            once("slo " + name, () -> {
                gauge("dreamnet.slo.objective", Tags.of("slo", name), d -> slo(d, name, s -> s.slo().objective()),
                        "The share of requests that must be good");
                gauge("dreamnet.slo.error.budget.remaining", Tags.of("slo", name),
                        d -> slo(d, name, SloStatus::budgetRemaining),
                        "The share of the error budget left over the objective's window (below 0 when overspent)");
                gauge("dreamnet.slo.state", Tags.of("slo", name), d -> slo(d, name, s -> s.state().ordinal()),
                        "0 OK, 1 TICKET, 2 PAGE (multiwindow burn-rate alerts)");
            });
            for (String window : status.burnRates().keySet()) {
                once("slo " + name + " burn " + window, () -> gauge("dreamnet.slo.burn.rate",
                        Tags.of("slo", name, "window", window),
                        d -> slo(d, name, s -> s.burnRates().getOrDefault(window, Double.NaN)),
                        "How fast the error budget burns over the window (1 = it lasts exactly the objective's window)"));
            }
        }
        Map<String, RequestMetrics.SinceStart> series = new ConcurrentHashMap<>();
        for (RequestMetrics.SinceStart each : dreamnet.requestMetrics().sinceStart()) {
            String key = each.route() + " " + each.outcome();
            series.put(key, each);
            once("route " + key, () -> requestTimer(key, each));
        }
        requests = series;
    }

    /** {@code value} of objective {@code name}'s last judgement; NaN once the SLO file no longer has it. */
    private static double slo(DreamNet dreamnet, String name, ToDoubleFunction<SloStatus> value) {
        for (SloStatus status : dreamnet.slos().statuses()) {
            if (status.slo().name().equals(name)) {
                return value.applyAsDouble(status);
            }
        }
        return Double.NaN;
    }

    private void requestTimer(String key, RequestMetrics.SinceStart series) {
        String route = series.route();
        int space = route.indexOf(' ');
        FunctionTimer.builder("dreamnet.http.server.requests", this,
                        m -> m.series(key) == null ? 0 : m.series(key).micros().getTotalCount(),
                        m -> m.series(key) == null ? 0 : m.series(key).sumSeconds(), TimeUnit.SECONDS)
                .tags("method", space < 0 ? "" : route.substring(0, space), "route", route.substring(space + 1),
                        "outcome", series.outcome().name())
                .description("Requests served, per route template and outcome (read every few seconds)")
                .register(registry);
    }

    private RequestMetrics.SinceStart series(String key) {
        return requests.get(key);
    }

    private void once(String key, Runnable register) {
        if (registered.add(key)) {
            register.run();
        }
    }

    private void gauge(String name, Tags tags, ToDoubleFunction<DreamNet> value, String description) {
        Gauge.builder(name, dreamnet, value).tags(tags).description(description).strongReference(true)
                .register(registry);
    }
}
