package dev.dreamnet.runtime;

import dev.dreamnet.config.flags.FlagsFile;
import dev.dreamnet.config.reload.ReloadingFile;
import dev.dreamnet.config.yaml.ConfigException;
import dev.dreamnet.core.breaker.CircuitBreaker;
import dev.dreamnet.core.health.HealthGates;
import dev.dreamnet.core.metrics.RequestMetrics;
import dev.dreamnet.core.startup.GraphValidationException;
import dev.dreamnet.core.startup.StartupDag;
import dev.dreamnet.core.startup.StartupSnapshot;
import dev.dreamnet.core.startup.StartupStatus;
import dev.dreamnet.core.time.Clock;
import dev.dreamnet.core.time.Scheduler;
import dev.dreamnet.core.time.SystemScheduler;
import dev.dreamnet.core.watchdog.Reading;
import dev.dreamnet.core.watchdog.Watchdogs;
import dev.dreamnet.runtime.audit.AuditLog;
import dev.dreamnet.runtime.auth.AccessControl;
import dev.dreamnet.runtime.flags.BootSwitches;
import dev.dreamnet.runtime.flags.FlagService;
import dev.dreamnet.runtime.fleet.FleetMode;
import dev.dreamnet.runtime.fleet.FleetViews;
import dev.dreamnet.runtime.fleet.InstanceRegistry;
import dev.dreamnet.runtime.kinds.Kinds;
import dev.dreamnet.runtime.metrics.MetricSources;
import dev.dreamnet.runtime.overload.AutomaticBrownout;
import dev.dreamnet.runtime.overload.OverloadProtection;
import dev.dreamnet.runtime.overload.OverloadViews;
import dev.dreamnet.runtime.queues.QueueService;
import dev.dreamnet.runtime.resilience.Downstreams;
import dev.dreamnet.runtime.rollouts.RolloutService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DreamNet runtime an application builds: its startup graph, health gates, breakers and retries, flags and modes,
 * rollouts, request metrics and watchdogs, audit log, access tokens and, on PostgreSQL, fleet mode. It knows no HTTP:
 * a web layer (the Javalin plugin, the Spring Boot starter) serves it. {@link #start()} runs the graph;
 * {@link #shutdown()} turns readiness off, drains, stops the web layer and then the services in reverse order.
 *
 * <pre>{@code
 * DreamNet dreamnet = DreamNet.builder().graph(Path.of("config/graph.json")).flags(Path.of("config/flags.yaml"))
 *         .kind("catalog", spec -> new CatalogComponent()).build();
 * dreamnet.start();
 * }</pre>
 *
 * Thread-safe.
 */
public final class DreamNet implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DreamNet.class);
    /** The one service of an application that gives no graph. */
    public static final String APPLICATION = "application";

    private final Clock clock;
    private final boolean ownScheduler;
    private final Duration shutdownGrace;
    private final QueueService queues;
    private final Scheduler scheduler;
    private final ExecutorService startupPool;
    private final ExecutorService checkPool = Pools.bounded("dreamnet-check", 4);
    private final ServiceState state = new ServiceState(new HealthGates());
    private final InFlight inFlight = new InFlight();
    private final Kinds kinds;
    private final ToolkitStore store;
    private final Downstreams downstreams;
    private final AccessControl access;
    private final AuditLog audit;
    private final FlagService flags;
    private final ResilienceReloads resilienceFile;
    private final RolloutService rollouts;
    private final InstanceRegistry instances;
    private final Optional<FleetMode> fleetMode;
    private final FleetViews fleetViews;
    private final VitalSigns vitals;
    private final Objectives objectives;
    private final dev.dreamnet.runtime.tracing.Tracing tracing;
    private final dev.dreamnet.runtime.metrics.LatencyExemplars exemplars =
            new dev.dreamnet.runtime.metrics.LatencyExemplars();
    private final StartupDag dag;
    private final CompletableFuture<StartupSnapshot> started;
    private final List<NamedStep> afterDrain = new CopyOnWriteArrayList<>();
    private volatile Supplier<String> address;
    private boolean begun; // guarded by this: start() was called
    private boolean stopped; // guarded by this

    DreamNet(DreamNetBuilder b) throws GraphValidationException, ConfigException {
        this.clock = b.clock;
        this.ownScheduler = b.scheduler == null;
        this.scheduler = ownScheduler ? new SystemScheduler("dreamnet-timer", 2) : b.scheduler;
        this.shutdownGrace = b.shutdownGrace;
        this.queues = b.queues;
        this.startupPool = Pools.bounded("dreamnet-start", b.startupThreads);
        this.address = b.address;
        this.kinds = Kinds.builtIn(b.databaseUrl);
        this.store = new ToolkitStore(kinds, b.databaseUrl, checkPool);
        this.downstreams = new Downstreams(b.resilience, clock, b.sleeper, scheduler, null, t -> LOG.warn(
                "circuit breaker {}: {} -> {} ({})", t.name(), t.from(), t.to(), t.reason()));
        this.tracing = b.tracing != null ? b.tracing : dev.dreamnet.runtime.tracing.Tracing.fromEnvironment(b.environment);
        downstreams.tracing(tracing);
        this.access = new AccessControl(b.environment, clock, scheduler);
        this.audit = new AuditLog(this::store, downstreams, clock);
        this.flags = new FlagService(b.flagsFile == null ? null : ReloadingFile.builder(b.flagsFile, FlagsFile::load)
                .scheduler(scheduler).clock(clock).build(), BootSwitches.from(b.environment), audit);
        flags.load(); // a missing or bad flags file is refused here, and what is evaluated before start() is the file's
        this.resilienceFile = new ResilienceReloads(b.resilienceFile, scheduler, clock);
        this.rollouts = new RolloutService(this::store, audit, downstreams, clock, scheduler, checkPool);
        this.instances = new InstanceRegistry(InstanceRegistry.newId(), () -> address.get(), this::store, store::isOpen,
                flags::snapshot, downstreams, clock, scheduler, checkPool);
        this.fleetMode = FleetMode.forDatabase(b.databaseUrl, this::store, instances, downstreams, clock);
        this.fleetViews = new FleetViews(instances, fleetMode.map(FleetMode::shared));
        this.vitals = new VitalSigns(clock, scheduler, checkPool);
        this.objectives = new Objectives(b, clock, scheduler, checkPool, flags, audit, vitals.requests(), rollouts,
                this::store, instances.id());
        fleetMode.ifPresent(fleet -> {
            flags.joining(fleet.shared());
            rollouts.joining(fleet.shared());
            objectives.automaticBrownout().joining(fleet.shared());
        });
        b.kinds.forEach(kinds::register);
        for (Components components : b.components) {
            components.register(kinds, this);
        }
        this.dag = StartupDag.builder(b.graph, kinds).executor(startupPool).scheduler(scheduler).clock(clock)
                .listener(t -> LOG.info("service {}: {} -> {} ({})", t.service(), t.from(), t.to(), t.detail()))
                .build();
        state.attach(dag);
        GateWiring wiring = new GateWiring(kinds, state.gates(), state, clock, scheduler, checkPool,
                b.gateStartupInterval, b.gateInterval);
        AfterStartup after = new AfterStartup(state, wiring, tracing, store, flags, rollouts, instances, fleetMode,
                objectives);
        // Completes once gates, the toolkit's tables, fleet and rollouts have followed the graph's result.
        this.started = dag.started().thenApply(result -> {
            after.follow(result);
            return result;
        });
    }

    public static DreamNetBuilder builder() {
        return new DreamNetBuilder();
    }

    /**
     * Starts watching the flags file, the metrics and watchdogs, and the startup graph; returns without waiting for
     * the graph ({@link #started()} completes with its result). A DreamNet starts once.
     *
     * @throws ConfigException when the resilience file, read by {@code build()}, can no longer be read as it starts
     *         being watched; nothing is left running
     * @throws IllegalStateException when {@code start()} was already called, or after {@link #shutdown()}: build a
     *         new DreamNet to start again
     */
    public DreamNet start() throws ConfigException {
        synchronized (this) {
            if (stopped) {
                throw new IllegalStateException("DreamNet was shut down and cannot start again: build a new one");
            }
            if (begun) {
                throw new IllegalStateException("DreamNet was already started: start() is called once");
            }
            begun = true;
        }
        prepare();
        try {
            flags.start();
            objectives.start();
            resilienceFile.start(downstreams);
        } catch (ConfigException | RuntimeException e) {
            shutdown();
            throw e;
        }
        state.startup(StartupStatus.STARTING);
        vitals.start();
        objectives.startBrownoutTicks();
        dag.start();
        return this;
    }

    /**
     * Begins, on a background thread, the work {@link #start()} would otherwise do after the graph and before
     * readiness: opening DreamNet's own database (when the graph has no {@code database} service) and creating the
     * toolkit's tables in it. An application whose own start leaves time (a Spring context refresh) calls this as soon
     * as it has built DreamNet, so that work costs no time to ready; {@code start()} calls it too. Idempotent.
     */
    public void prepare() {
        store.prepare();
    }

    /**
     * Where the toolkit keeps its state (audit log, rollouts, fleet registry): the graph's {@code database}
     * service when it has one, otherwise a pool of DreamNet's own on {@link DreamNetBuilder#database} opened on first use.
     */
    public DataSource store() {
        return store.dataSource();
    }

    /**
     * Completes with the startup result (READY, DEGRADED or FAILED) once the runtime has acted on it: readiness
     * reflects it, health gates run, rollouts are restored.
     */
    public CompletableFuture<StartupSnapshot> started() {
        return started;
    }

    /**
     * Runs {@code step} during {@link #shutdown()} once in-flight requests have drained and before the services stop:
     * the web layer closes its port here.
     */
    public void afterDrain(String what, Step step) {
        afterDrain.add(new NamedStep(Objects.requireNonNull(what, "what"), Objects.requireNonNull(step, "step")));
    }

    /**
     * Where this instance answers, as other instances and operators would call it (shown in the fleet registry). The
     * web layer learns it once its port is open, after the first heartbeat: the registry writes it at once rather than
     * at the next heartbeat.
     */
    public void address(Supplier<String> address) {
        this.address = Objects.requireNonNull(address, "address");
        instances.beatSoon();
    }

    /**
     * Graceful stop: readiness turns false, in-flight requests get up to the grace period to finish, the
     * {@link #afterDrain} steps run (the port closes), then services stop in reverse dependency order. Idempotent,
     * and allowed before {@link #start()} (it then releases the threads {@code build()} made); a DreamNet that was
     * shut down cannot start again.
     */
    public synchronized void shutdown() {
        if (stopped) {
            return;
        }
        stopped = true;
        state.beginDrain();
        try {
            step("drain in-flight requests", this::drain);
            // Every step runs even when the one before failed: the services must stop whatever HTTP did.
            afterDrain.forEach(named -> step(named.what(), named.step()));
            step("stop the health gates", () -> state.gates().stop());
            step("stop judging rollouts", rollouts::stop);
            step("leave the fleet", () -> {
                fleetMode.ifPresent(FleetMode::stop);
                instances.stop();
            });
            step("stop watching the flags file", flags::stop);
            step("stop watching the resilience file", resilienceFile::stop);
            step("write the SLO minutes", () -> objectives.stopJudging(started.isDone()
                    && !started.isCompletedExceptionally() && started.getNow(null).status().isUp()));
            step("stop overload protection", objectives::stopOverload);
            step("stop the metrics slots and the watchdogs", vitals::stop);
            step("stop the services", () -> dag.shutdown()
                    .get(shutdownGrace.toMillis() + 10_000, TimeUnit.MILLISECONDS));
            step("close the toolkit's database", store::close);
            step("stop the hedging threads", downstreams::close);
            step("flush the traces", tracing::close);
        } finally {
            startupPool.shutdownNow();
            checkPool.shutdownNow();
            if (ownScheduler) {
                ((SystemScheduler) scheduler).close();
            }
        }
    }

    @Override
    public void close() {
        shutdown();
    }

    private void drain() throws InterruptedException {
        int left = inFlight.awaitIdle(shutdownGrace, clock);
        if (left > 0) {
            LOG.warn("{} request(s) still in flight after the {} s grace period", left, shutdownGrace.toSeconds());
        }
    }

    /** Every watchdog's reading now. */
    public List<Reading> watchdogReadings() {
        return vitals.readings();
    }

    /** Tracing of requests, outbound calls and startup; {@link dev.dreamnet.runtime.tracing.Tracing#enabled} says if on. */
    public dev.dreamnet.runtime.tracing.Tracing tracing() {
        return tracing;
    }

    /** The latest traced request per latency bucket, for exemplars on {@code /metrics}; empty while tracing is off. */
    public dev.dreamnet.runtime.metrics.LatencyExemplars exemplars() {
        return exemplars;
    }

    /** The service level objectives and their error budgets. */
    public dev.dreamnet.runtime.slo.SloService slos() {
        return objectives.slos();
    }

    /**
     * What the objectives and the watched files need an operator to know, for a summary's attention list: the SLOs
     * that page or warn, and each of the flags, resilience and SLO files whose latest change was refused.
     */
    public List<String> attention() {
        List<String> lines = new ArrayList<>(objectives.attention());
        flags.file().flatMap(Refusals::of).ifPresent(lines::add);
        resilienceFile.refusal().ifPresent(lines::add);
        return lines;
    }

    /** Inbound overload protection for the application's routes; off unless the builder configured it. */
    public OverloadProtection overload() {
        return objectives.overload();
    }

    /** Automatic brownout: what it decided, and the operators' pin. */
    public AutomaticBrownout automaticBrownout() {
        return objectives.automaticBrownout();
    }

    /** What {@code /metrics} reports beside the request series. */
    public MetricSources metricSources() {
        return new MetricSources(() -> downstreams.breakers().stream().map(CircuitBreaker::snapshot).toList(),
                () -> state.gates().snapshot(), flags::snapshot, inFlight::count,
                () -> queues.depths(downstreams), this::watchdogReadings, rollouts::metrics,
                () -> fleetMode.map(m -> m.shared().status()), () -> overload().enabled()
                        ? Optional.of(overloadView()) : Optional.empty(), downstreams::outbound, slos()::statuses,
                exemplars);
    }

    /** Inbound protection, automatic brownout and the outbound guards, as {@code /api/observability/overload} shows them. */
    public OverloadViews.OverloadView overloadView() {
        return OverloadViews.of(overload(), automaticBrownout(), downstreams.outbound());
    }

    /** The fleet as operators see it. */
    public FleetViews fleetViews() {
        return fleetViews;
    }

    public ServiceState state() {
        return state;
    }

    public InFlight inFlight() {
        return inFlight;
    }

    public Kinds kinds() {
        return kinds;
    }

    public Downstreams downstreams() {
        return downstreams;
    }

    public AccessControl access() {
        return access;
    }

    public AuditLog audit() {
        return audit;
    }

    public FlagService flags() {
        return flags;
    }

    public RolloutService rollouts() {
        return rollouts;
    }

    public InstanceRegistry fleet() {
        return instances;
    }

    public Optional<FleetMode> fleetMode() {
        return fleetMode;
    }

    /**
     * Tells which route templates ({@code GET /ops/api/observability/summary}) are the web layer's own routes for
     * operators (observability, admin, console, metrics): like probes, they are recorded per route but left out of the
     * overall traffic, so that a console polling a struggling service, or a scrape, adds no requests or errors of its
     * own to the service's golden signals.
     */
    public void operatorRoutes(java.util.function.Predicate<String> routes) {
        vitals.operatorRoutes(routes);
    }

    public RequestMetrics requestMetrics() {
        return vitals.requests();
    }

    public Watchdogs watchdogs() {
        return vitals.watchdogs();
    }

    public QueueService queues() {
        return queues;
    }

    public Clock clock() {
        return clock;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    /** A pool for short checks and background reads (gates, watchdogs, heartbeats). */
    public ExecutorService checkPool() {
        return checkPool;
    }

    /** One shutdown step; it may throw, and the shutdown goes on. */
    @FunctionalInterface
    public interface Step {
        void run() throws Exception;
    }

    private record NamedStep(String what, Step step) {
    }

    private static void step(String what, Step step) {
        try {
            step.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("shutdown: interrupted while trying to {}", what);
        } catch (Exception e) {
            LOG.warn("shutdown: could not {} cleanly: {}", what, e.toString());
        }
    }

    /** Registers components that need the runtime's services (flags, breakers, audit) by kind. */
    @FunctionalInterface
    public interface Components {
        void register(Kinds kinds, DreamNet dreamnet);
    }
}
