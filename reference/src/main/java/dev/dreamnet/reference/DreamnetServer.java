package dev.dreamnet.reference;

import dev.dreamnet.server.ServiceState;
import dev.dreamnet.server.ServerConfig;
import dev.dreamnet.config.resilience.ResilienceSettings;
import dev.dreamnet.config.yaml.ConfigException;
import dev.dreamnet.core.time.Sleeper;
import dev.dreamnet.server.audit.AuditLog;
import dev.dreamnet.server.auth.AccessControl;
import dev.dreamnet.reference.dreams.InterpretRoute;
import dev.dreamnet.server.audit.AuditRoutes;
import dev.dreamnet.config.flags.FlagsFile;
import dev.dreamnet.config.reload.ReloadingFile;
import dev.dreamnet.reference.agents.Agent;
import dev.dreamnet.reference.agents.AgentRoutes;
import dev.dreamnet.reference.agents.AgentWork;
import dev.dreamnet.server.flags.BootSwitches;
import dev.dreamnet.server.flags.FlagRoutes;
import dev.dreamnet.server.flags.FlagService;
import dev.dreamnet.server.flags.KillSwitchGate;
import java.util.ArrayList;
import dev.dreamnet.reference.provider.ProviderClient;
import dev.dreamnet.reference.provider.StubProvider;
import dev.dreamnet.reference.provider.StubProviderRoutes;
import dev.dreamnet.server.resilience.BreakerRoutes;
import dev.dreamnet.server.resilience.Downstreams;
import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;
import dev.dreamnet.core.health.HealthGates;
import dev.dreamnet.core.startup.GraphValidationException;
import dev.dreamnet.core.startup.StartupDag;
import dev.dreamnet.core.startup.StartupGraph;
import dev.dreamnet.core.startup.StartupSnapshot;
import dev.dreamnet.core.startup.StartupStatus;
import dev.dreamnet.core.time.Clock;
import dev.dreamnet.core.time.Repeating;
import dev.dreamnet.core.time.SystemScheduler;
import dev.dreamnet.reference.dreams.DreamRoutes;
import dev.dreamnet.reference.dreams.ReferenceService;
import dev.dreamnet.server.http.Admission;
import dev.dreamnet.server.http.HeaderDeadline;
import dev.dreamnet.server.http.HttpApp;
import dev.dreamnet.server.http.InFlight;
import dev.dreamnet.server.http.ProbeRoutes;
import dev.dreamnet.server.http.TrafficGate;
import dev.dreamnet.core.breaker.CircuitBreaker;
import dev.dreamnet.core.metrics.RequestMetrics;
import dev.dreamnet.reference.queues.DreamEventRelay;
import dev.dreamnet.reference.queues.DreamEvents;
import dev.dreamnet.server.queues.QueueRoutes;
import dev.dreamnet.server.queues.QueueService;
import dev.dreamnet.server.queues.QueuesComponent;
import dev.dreamnet.server.fleet.FleetMode;
import dev.dreamnet.server.fleet.FleetRoutes;
import dev.dreamnet.server.fleet.InstanceRegistry;
import dev.dreamnet.server.rollouts.CanaryFaults;
import dev.dreamnet.server.rollouts.RolloutRouting;
import dev.dreamnet.server.rollouts.RolloutRoutes;
import dev.dreamnet.server.rollouts.RolloutService;
import dev.dreamnet.server.rollouts.RolloutViews;
import dev.dreamnet.core.watchdog.JvmProbe;
import dev.dreamnet.core.watchdog.Reading;
import dev.dreamnet.core.watchdog.Watchdogs;
import dev.dreamnet.server.metrics.MetricSources;
import dev.dreamnet.server.metrics.ObservabilityRoutes;
import dev.dreamnet.server.metrics.PrometheusEndpoint;
import dev.dreamnet.server.metrics.RequestTracking;
import dev.dreamnet.server.metrics.Saturation;
import dev.dreamnet.server.kinds.Kinds;
import io.javalin.Javalin;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.function.Consumer;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runnable reference service: loads and validates the startup graph, opens the HTTP port so
 * probes answer at once, starts the graph, gives started services health gates, and serves the
 * application once everything critical is ready. {@link #shutdown()} is the graceful SIGTERM path.
 * Thread-safe.
 */
public final class DreamnetServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DreamnetServer.class);
    private static final java.time.Duration METRICS_SLOT = java.time.Duration.ofSeconds(5);

    private final ServerConfig config;
    private final Clock clock = Clock.system();
    private final ServiceState state;
    private final InFlight inFlight = new InFlight();
    private final Admission admission;
    private volatile Repeating headerDeadline; // started once the HTTP server listens
    private final StartupDag dag;
    private final List<Consumer<JavalinDefaultRoutingApi>> routes;
    private final TrafficGate trafficGate;
    private final AccessControl access;
    private volatile Javalin http; // created in listen(), after startup began, so the two overlap
    // Read by other threads (the fleet heartbeat) instead of asking Jetty while it may still be starting.
    private volatile int boundPort;
    private final ExecutorService startupPool;
    private final SystemScheduler scheduler = new SystemScheduler("dreamnet-timer", 2);
    private final ExecutorService checkPool = Pools.bounded("dreamnet-check", 4);
    private final ExecutorService queuePool = Pools.bounded("dreamnet-queue", 3); // relay, agents: a mute broker spares checkPool
    private final Repeating metricsSlots = new Repeating(clock, scheduler, Runnable::run, METRICS_SLOT, this::advanceMetricsSlot);
    // Windowed watchdogs sample even when nobody reads; not on the timer, as a queue watchdog may wait on the broker.
    private final Repeating watchdogSamples = new Repeating(clock, scheduler, checkPool, METRICS_SLOT, () -> watchdogReadings());
    private boolean stopped; // guarded by this

    private final StubProvider stubProvider = new StubProvider();
    private final AtomicReference<ProviderClient> provider = new AtomicReference<>();
    private final Downstreams downstreams;
    private final FlagService flags;
    private final List<Agent> agents = new ArrayList<>();
    private final QueueService queues;
    private final DreamEventRelay relay;
    private final RolloutService rollouts;
    private final InstanceRegistry fleet;
    private final java.util.Optional<FleetMode> fleetMode;
    private final RequestMetrics requestMetrics = RequestMetrics.builder().clock(clock)
            .notTraffic(ProbeRoutes::isProbeRoute).build();
    private final RequestTracking tracking = new RequestTracking(requestMetrics, clock);
    private final PrometheusEndpoint prometheus;
    private final Watchdogs watchdogs = Watchdogs.jvmDefaults(JvmProbe.system(), scheduler, clock);

    private DreamnetServer(ServerConfig config, StartupGraph graph, ResilienceSettings resilience,
                           QueueService queues, Customizer customizer) throws GraphValidationException {
        this.config = config;
        this.admission = new Admission(config.http().maxInFlight());
        HealthGates gates = new HealthGates();
        this.state = new ServiceState(gates);
        this.downstreams = new Downstreams(resilience, clock, Sleeper.system(), t -> LOG.warn(
                "circuit breaker {}: {} -> {} ({})", t.name(), t.from(), t.to(), t.reason()));
        Kinds kinds = Kinds.builtIn(config.effectiveJdbcUrl());
        ReferenceService reference = new ReferenceService(kinds, clock, state::apiOpen);
        reference.register();
        AccessControl access = new AccessControl(config.environment(), clock, scheduler);
        AuditLog audit = new AuditLog(reference::dataSource, downstreams, clock);
        this.flags = new FlagService(config.flagsFile() == null ? null
                : ReloadingFile.builder(config.flagsFile(), FlagsFile::load).scheduler(scheduler).clock(clock).build(),
                BootSwitches.from(config.environment()), audit);
        customizer.components(kinds);
        this.startupPool = Pools.bounded("dreamnet-start", config.startupThreads());
        this.queues = queues;
        // The audit service: operator actions must be recordable before the API opens to them.
        kinds.register(ServerKinds.AUDIT, spec -> () -> audit.recent(1));
        kinds.register(ServerKinds.QUEUES, spec -> new QueuesComponent(queues, () -> ServerKinds.queueBackend(config.queueUrl(), reference.dataSource(), clock, downstreams), watchdogs, downstreams));
        this.relay = new DreamEventRelay(queues,
                Agent.NAMES.stream().map(DreamEvents::queueFor).toList(), reference::dataSource, downstreams, clock, scheduler, queuePool);
        kinds.register(ServerKinds.OUTBOX, spec -> relay).needDatabase(ServerKinds.ON_DATABASE);
        AgentWork work = new AgentWork(queues, reference::dataSource, downstreams);
        for (String name : Agent.NAMES) {
            Agent agent = new Agent(name, () -> flags.allows("agent." + name), work, scheduler, queuePool, clock);
            agents.add(agent);
            kinds.register(name, spec -> agent);
        }
        this.dag = StartupDag.builder(graph, kinds).executor(startupPool).scheduler(scheduler).clock(clock)
                .listener(t -> LOG.info("service {}: {} -> {} ({})", t.service(), t.from(), t.to(), t.detail()))
                .build();
        state.attach(dag);
        GateWiring wiring = new GateWiring(kinds, gates, state, clock, scheduler, checkPool,
                config.gateStartupInterval(), config.gateInterval());
        dag.started().thenAccept(result -> onStarted(result, wiring));
        this.rollouts = new RolloutService(reference::dataSource, audit, downstreams, clock, scheduler, checkPool);
        this.fleet = new InstanceRegistry(InstanceRegistry.newId(), this::address, reference::dataSource, flags::snapshot, downstreams,
                clock, scheduler, checkPool);
        this.fleetMode = FleetMode.forDatabase(config.effectiveJdbcUrl(), reference::dataSource, fleet, downstreams, clock);
        RolloutRouting routing = new RolloutRouting(rollouts, clock);
        CanaryFaults canaryFaults = CanaryFaults.system();
        DreamRoutes dreams = new DreamRoutes(reference::store, downstreams, routing, canaryFaults);
        this.access = access;
        this.trafficGate = new TrafficGate(state);
        this.prometheus = new PrometheusEndpoint(requestMetrics, new MetricSources(
                () -> downstreams.breakers().stream().map(CircuitBreaker::snapshot).toList(),
                () -> state.gates().snapshot(), flags::snapshot, inFlight::count, () -> queues.depths(downstreams),
                this::watchdogReadings, rollouts::metrics, () -> fleetMode.map(m -> m.shared().status())));
        Saturation saturation = new Saturation(() -> http == null ? null : http.jettyServer().threadPool(),
                inFlight::count, admission.limit());
        FleetRoutes fleetRoutes = new FleetRoutes(fleet, fleetMode.map(FleetMode::shared));
        ObservabilityRoutes observability = new ObservabilityRoutes(requestMetrics, saturation, state, downstreams,
                flags, this::watchdogReadings, () -> rollouts.all().stream().map(RolloutViews::of).toList(),
                fleetRoutes::view);
        this.routes = List.of(
                new ProbeRoutes(state)::register,
                dreams::register,
                new InterpretRoute(dreams, provider::get, downstreams, flags)::register,
                new FlagRoutes(flags, access)::register,
                routes -> routes.beforeMatched(new KillSwitchGate(flags)),
                new AgentRoutes(agents)::register,
                new BreakerRoutes(downstreams, access, audit)::register,
                new AuditRoutes(audit)::register,
                observability::register,
                new QueueRoutes(queues, relay::position, downstreams)::register,
                fleetRoutes::register,
                routes -> new RolloutRoutes(rollouts, canaryFaults, access, audit).register(routes, routing),
                prometheus::register,
                routes -> new StubProviderRoutes(stubProvider, access, audit).register(routes),
                customizer::routes);
    }

    /**
     * Validates the configuration ({@link Preflight}), opens the port and begins startup; returns without
     * waiting for it.
     *
     * @throws PreflightException listing every problem of the configuration files; nothing was started
     */
    public static DreamnetServer start(ServerConfig config)
            throws PreflightException, GraphValidationException, ConfigException, IOException {
        return start(config, Customizer.none());
    }

    /** As {@link #start(ServerConfig)}, with the application's own components and routes. */
    public static DreamnetServer start(ServerConfig config, Customizer customizer)
            throws PreflightException, GraphValidationException, ConfigException, IOException {
        Preflight.Loaded loaded = Preflight.check(config, customizer);
        Files.createDirectories(config.dataDir());
        DreamnetServer server = new DreamnetServer(config, loaded.graph(), loaded.resilience(), loaded.queues(),
                customizer);
        try {
            server.flags.start();
        } catch (ConfigException | RuntimeException e) {
            server.shutdown();
            throw e;
        }
        server.state.startup(StartupStatus.STARTING);
        server.metricsSlots.start();
        server.watchdogSamples.start();
        server.dag.start(); // the database opens while the HTTP server starts
        server.listen();
        return server;
    }

    private void listen() throws IOException {
        try {
            Javalin app = HttpApp.create(inFlight, tracking, trafficGate, access, config.http(), admission, clock,
                    routes);
            app.start(config.host(), config.port());
            http = app;
            boundPort = app.port();
            HeaderDeadline deadline = new HeaderDeadline(app.jettyServer().server(), config.http().readTimeout(), clock);
            headerDeadline = new Repeating(clock, scheduler, Runnable::run, deadline.period(), deadline::sweep);
            headerDeadline.start();
        } catch (RuntimeException e) {
            shutdown();
            throw new IOException("cannot listen on " + config.host() + ":" + config.port() + ": "
                    + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()), e);
        }
        provider.set(new ProviderClient(downstreams.settings(Downstreams.PROVIDER).baseUrl()
                .orElse(URI.create("http://127.0.0.1:" + boundPort + "/stub-provider")),
                downstreams.timeout(Downstreams.PROVIDER), clock));
        LOG.info("provider calls go to {}", provider.get().url());
    }

    /** Where this instance answers, as other instances and operators would call it. */
    private String address() {
        String host = config.host().equals("0.0.0.0") ? InstanceRegistry.hostName() : config.host();
        return "http://" + host + ":" + (boundPort > 0 ? boundPort : config.port());
    }

    public InstanceRegistry fleet() {
        return fleet;
    }

    public RolloutService rollouts() {
        return rollouts;
    }

    public QueueService queues() {
        return queues;
    }

    private List<Reading> watchdogReadings() {
        return watchdogs.readAll(clock.nanoTime());
    }

    public Watchdogs watchdogs() {
        return watchdogs;
    }

    private void advanceMetricsSlot() {
        try {
            requestMetrics.advance();
        } catch (RuntimeException e) {
            LOG.warn("metrics slot: {}", e.toString());
        }
    }

    private void onStarted(StartupSnapshot result, GateWiring wiring) {
        LOG.info("startup {} in {} ms (critical path {} ms: {}){}", result.status(), result.elapsed().toMillis(),
                result.criticalPathDuration().toMillis(), String.join(" -> ", result.criticalPath()),
                result.reason() == null ? "" : ": " + result.reason());
        if (result.status().isUp()) {
            wiring.wire(result);
            if (fleetMode.isPresent() && !fleetMode.get().join(flags, rollouts)) {
                state.startup(StartupStatus.FAILED);
                return;
            }
            try {
                rollouts.start();
            } catch (Exception e) {
                LOG.error("rollouts could not be restored: {}; they are not judged until restart", e.getMessage());
            }
            fleet.start();
        }
        state.startup(result.status());
    }

    public int port() {
        return boundPort;
    }

    public ServiceState state() {
        return state;
    }

    /** Completes with the startup result (READY, DEGRADED or FAILED). */
    public CompletableFuture<StartupSnapshot> started() {
        return dag.started();
    }

    public Downstreams downstreams() {
        return downstreams;
    }

    public FlagService flags() {
        return flags;
    }

    public RequestMetrics requestMetrics() {
        return requestMetrics;
    }

    public int inFlight() {
        return inFlight.count();
    }

    /**
     * Graceful stop: readiness turns false, in-flight requests get up to the grace period to finish,
     * the port closes, then services stop in reverse dependency order. Idempotent.
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
            step("stop the HTTP server", () -> {
                if (headerDeadline != null) {
                    headerDeadline.stop();
                }
                if (http != null) {
                    http.stop();
                }
            });
            step("stop the health gates", () -> state.gates().stop());
            step("stop judging rollouts", rollouts::stop);
            step("leave the fleet", () -> {
                fleetMode.ifPresent(FleetMode::stop);
                fleet.stop();
            });
            step("stop watching the flags file", flags::stop);
            step("close the metrics registry", prometheus::close);
            step("stop the watchdogs", watchdogs::close);
            step("stop the services", () -> dag.shutdown()
                    .get(config.shutdownGrace().toMillis() + 10_000, TimeUnit.MILLISECONDS));
        } finally {
            startupPool.shutdownNow();
            checkPool.shutdownNow();
            queuePool.shutdownNow();
            scheduler.close();
        }
    }

    private void drain() throws InterruptedException {
        int left = inFlight.awaitIdle(config.shutdownGrace(), clock);
        if (left > 0) {
            LOG.warn("{} request(s) still in flight after the {} s grace period", left,
                    config.shutdownGrace().toSeconds());
        }
    }

    private interface Step {
        void run() throws Exception;
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

    @Override
    public void close() {
        shutdown();
    }
}
