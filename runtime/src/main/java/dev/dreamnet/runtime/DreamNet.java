package dev.dreamnet.runtime;

import dev.dreamnet.config.flags.FlagsFile;
import dev.dreamnet.config.graph.GraphFile;
import dev.dreamnet.config.reload.ReloadingFile;
import dev.dreamnet.config.resilience.ResilienceFile;
import dev.dreamnet.config.resilience.ResilienceSettings;
import dev.dreamnet.config.resilience.ServiceSettings;
import dev.dreamnet.config.yaml.ConfigException;
import dev.dreamnet.core.breaker.CircuitBreaker;
import dev.dreamnet.core.health.GateConfig;
import dev.dreamnet.core.health.HealthGates;
import dev.dreamnet.core.metrics.RequestMetrics;
import dev.dreamnet.core.startup.Component;
import dev.dreamnet.core.startup.GraphValidationException;
import dev.dreamnet.core.startup.ServiceSpec;
import dev.dreamnet.core.startup.StartupDag;
import dev.dreamnet.core.startup.StartupGraph;
import dev.dreamnet.core.startup.StartupSnapshot;
import dev.dreamnet.core.startup.StartupStatus;
import dev.dreamnet.core.time.Clock;
import dev.dreamnet.core.time.Repeating;
import dev.dreamnet.core.time.Scheduler;
import dev.dreamnet.core.time.Sleeper;
import dev.dreamnet.core.time.SystemScheduler;
import dev.dreamnet.core.watchdog.JvmProbe;
import dev.dreamnet.core.watchdog.Reading;
import dev.dreamnet.core.watchdog.Watchdogs;
import dev.dreamnet.runtime.audit.AuditLog;
import dev.dreamnet.runtime.auth.AccessControl;
import dev.dreamnet.runtime.flags.BootSwitches;
import dev.dreamnet.runtime.flags.FlagService;
import dev.dreamnet.runtime.fleet.FleetMode;
import dev.dreamnet.runtime.fleet.FleetViews;
import dev.dreamnet.runtime.fleet.InstanceRegistry;
import dev.dreamnet.runtime.kinds.DatabaseComponent;
import dev.dreamnet.runtime.kinds.Kinds;
import dev.dreamnet.runtime.metrics.MetricSources;
import dev.dreamnet.runtime.queues.QueueService;
import dev.dreamnet.runtime.resilience.Downstreams;
import dev.dreamnet.runtime.rollouts.RolloutService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
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
    private static final Duration METRICS_SLOT = Duration.ofSeconds(5);
    /** The one service of an application that gives no graph. */
    public static final String APPLICATION = "application";

    private final Builder settings;
    private final Clock clock;
    private final Scheduler scheduler;
    private final ExecutorService startupPool;
    private final ExecutorService checkPool = Pools.bounded("dreamnet-check", 4);
    private final ServiceState state = new ServiceState(new HealthGates());
    private final InFlight inFlight = new InFlight();
    private final Kinds kinds;
    private final DatabaseComponent ownStore;
    private final Downstreams downstreams;
    private final AccessControl access;
    private final AuditLog audit;
    private final FlagService flags;
    private final RolloutService rollouts;
    private final InstanceRegistry instances;
    private final Optional<FleetMode> fleetMode;
    private final FleetViews fleetViews;
    private final RequestMetrics requestMetrics;
    private final Watchdogs watchdogs;
    private final Repeating metricsSlots;
    private final Repeating watchdogSamples;
    private final StartupDag dag;
    private final CompletableFuture<StartupSnapshot> started;
    private final List<Step> afterDrain = new CopyOnWriteArrayList<>();
    private volatile Supplier<String> address;
    private boolean stopped; // guarded by this

    private DreamNet(Builder b) throws GraphValidationException, ConfigException {
        this.settings = b;
        this.clock = b.clock;
        this.scheduler = b.scheduler != null ? b.scheduler : new SystemScheduler("dreamnet-timer", 2);
        this.startupPool = Pools.bounded("dreamnet-start", b.startupThreads);
        this.address = b.address;
        this.kinds = Kinds.builtIn(b.databaseUrl);
        this.ownStore = new DatabaseComponent(b.databaseUrl, "SELECT 1", Duration.ofSeconds(2));
        this.downstreams = new Downstreams(b.resilience, clock, b.sleeper, t -> LOG.warn(
                "circuit breaker {}: {} -> {} ({})", t.name(), t.from(), t.to(), t.reason()));
        this.access = new AccessControl(b.environment, clock, scheduler);
        this.audit = new AuditLog(this::store, downstreams, clock);
        this.flags = new FlagService(b.flagsFile == null ? null : ReloadingFile.builder(b.flagsFile, FlagsFile::load)
                .scheduler(scheduler).clock(clock).build(), BootSwitches.from(b.environment), audit);
        this.rollouts = new RolloutService(this::store, audit, downstreams, clock, scheduler, checkPool);
        this.instances = new InstanceRegistry(InstanceRegistry.newId(), () -> address.get(), this::store, flags::snapshot,
                downstreams, clock, scheduler, checkPool);
        this.fleetMode = FleetMode.forDatabase(b.databaseUrl, this::store, instances, downstreams, clock);
        this.fleetViews = new FleetViews(instances, fleetMode.map(FleetMode::shared));
        this.requestMetrics = RequestMetrics.builder().clock(clock).notTraffic(Probes::isProbeRoute).build();
        this.watchdogs = Watchdogs.jvmDefaults(JvmProbe.system(), scheduler, clock);
        this.metricsSlots = new Repeating(clock, scheduler, Runnable::run, METRICS_SLOT, this::advanceMetricsSlot);
        // Windowed watchdogs sample even when nobody reads; not on the timer, as a queue watchdog may wait on the broker.
        this.watchdogSamples = new Repeating(clock, scheduler, checkPool, METRICS_SLOT, this::watchdogReadings);
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
        // Completes once gates, the toolkit's tables, fleet and rollouts have followed the graph's result.
        this.started = dag.started().thenApply(result -> {
            onStarted(result, wiring);
            return result;
        });
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts watching the flags file, the metrics and watchdogs, and the startup graph; returns without waiting for
     * the graph ({@link #started()} completes with its result).
     *
     * @throws ConfigException when the flags file cannot be read; nothing is left running
     */
    public DreamNet start() throws ConfigException {
        try {
            flags.start();
        } catch (ConfigException | RuntimeException e) {
            shutdown();
            throw e;
        }
        state.startup(StartupStatus.STARTING);
        metricsSlots.start();
        watchdogSamples.start();
        dag.start();
        return this;
    }

    private void onStarted(StartupSnapshot result, GateWiring wiring) {
        LOG.info("startup {} in {} ms (critical path {} ms: {}){}", result.status(), result.elapsed().toMillis(),
                result.criticalPathDuration().toMillis(), String.join(" -> ", result.criticalPath()),
                result.reason() == null ? "" : ": " + result.reason());
        if (result.status().isUp()) {
            wiring.wire(result);
            try {
                ToolkitSchema.ensure(store());
            } catch (Exception e) {
                LOG.error("the toolkit's tables could not be created: {}; the audit log keeps entries in the log "
                        + "only and rollouts are not restored", e.getMessage());
            }
            if (fleetMode.isPresent() && !fleetMode.get().join(flags, rollouts)) {
                state.startup(StartupStatus.FAILED);
                return;
            }
            try {
                rollouts.start();
            } catch (Exception e) {
                LOG.error("rollouts could not be restored: {}; they are not judged until restart", e.getMessage());
            }
            instances.start();
        }
        state.startup(result.status());
    }

    /**
     * Where the toolkit keeps its state (audit log, rollouts, fleet registry): the graph's {@code database}
     * service when it has one, otherwise a pool of DreamNet's own on {@link Builder#database} opened on first use.
     */
    public DataSource store() {
        Optional<DatabaseComponent> graphs = kinds.first(DatabaseComponent.class);
        if (graphs.isPresent()) {
            return graphs.get().dataSource();
        }
        synchronized (ownStore) {
            if (!ownStore.isOpen()) {
                try {
                    ownStore.start();
                } catch (Exception e) {
                    throw new IllegalStateException("the toolkit's database cannot be opened: " + e.getMessage(), e);
                }
            }
        }
        return ownStore.dataSource();
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
        afterDrain.add(new NamedStep(what, step));
    }

    /** Where this instance answers, as other instances and operators would call it (shown in the fleet registry). */
    public void address(Supplier<String> address) {
        this.address = Objects.requireNonNull(address, "address");
    }

    /**
     * Graceful stop: readiness turns false, in-flight requests get up to the grace period to finish, the
     * {@link #afterDrain} steps run (the port closes), then services stop in reverse dependency order. Idempotent.
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
            afterDrain.forEach(step -> step("", step));
            step("stop the health gates", () -> state.gates().stop());
            step("stop judging rollouts", rollouts::stop);
            step("leave the fleet", () -> {
                fleetMode.ifPresent(FleetMode::stop);
                instances.stop();
            });
            step("stop watching the flags file", flags::stop);
            step("stop the metrics slots", () -> {
                metricsSlots.stop();
                watchdogSamples.stop();
            });
            step("stop the watchdogs", watchdogs::close);
            step("stop the services", () -> dag.shutdown()
                    .get(settings.shutdownGrace.toMillis() + 10_000, TimeUnit.MILLISECONDS));
            step("close the toolkit's database", ownStore::stop);
        } finally {
            startupPool.shutdownNow();
            checkPool.shutdownNow();
            if (settings.scheduler == null && scheduler instanceof SystemScheduler own) {
                own.close();
            }
        }
    }

    @Override
    public void close() {
        shutdown();
    }

    private void drain() throws InterruptedException {
        int left = inFlight.awaitIdle(settings.shutdownGrace, clock);
        if (left > 0) {
            LOG.warn("{} request(s) still in flight after the {} s grace period", left, settings.shutdownGrace.toSeconds());
        }
    }

    private void advanceMetricsSlot() {
        try {
            requestMetrics.advance();
        } catch (RuntimeException e) {
            LOG.warn("metrics slot: {}", e.toString());
        }
    }

    /** Every watchdog's reading now. */
    public List<Reading> watchdogReadings() {
        return watchdogs.readAll(clock.nanoTime());
    }

    /** What {@code /metrics} reports beside the request series. */
    public MetricSources metricSources() {
        return new MetricSources(() -> downstreams.breakers().stream().map(CircuitBreaker::snapshot).toList(),
                () -> state.gates().snapshot(), flags::snapshot, inFlight::count,
                () -> settings.queues.depths(downstreams), this::watchdogReadings, rollouts::metrics,
                () -> fleetMode.map(m -> m.shared().status()));
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

    public RequestMetrics requestMetrics() {
        return requestMetrics;
    }

    public Watchdogs watchdogs() {
        return watchdogs;
    }

    public QueueService queues() {
        return settings.queues;
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

    private record NamedStep(String what, Step step) implements Step {
        @Override
        public void run() throws Exception {
            step.run();
        }
    }

    private static void step(String what, Step step) {
        String name = step instanceof NamedStep named ? named.what() : what;
        try {
            step.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("shutdown: interrupted while trying to {}", name);
        } catch (Exception e) {
            LOG.warn("shutdown: could not {} cleanly: {}", name, e.toString());
        }
    }

    /** Registers components that need the runtime's services (flags, breakers, audit) by kind. */
    @FunctionalInterface
    public interface Components {
        void register(Kinds kinds, DreamNet dreamnet);
    }

    /** Assembles a {@link DreamNet}; every setting has a default, so {@code builder().build()} runs an empty graph. */
    public static final class Builder {

        private StartupGraph graph;
        private final Map<String, Function<ServiceSpec, Component>> kinds = new LinkedHashMap<>();
        private final List<Components> components = new ArrayList<>();
        private ResilienceSettings resilience = toolkitDefaults(ResilienceSettings.of(List.of()));
        private Path flagsFile;
        private Map<String, String> environment = System.getenv();
        private String databaseUrl = "jdbc:h2:file:" + Path.of("dreamnet-data").toAbsolutePath().resolve("dreamnet")
                + ";DB_CLOSE_ON_EXIT=FALSE";
        private QueueService queues = new QueueService(List.of(), null);
        private Clock clock = Clock.system();
        private Scheduler scheduler;
        private Sleeper sleeper = Sleeper.system();
        private int startupThreads = 8;
        private Duration shutdownGrace = Duration.ofSeconds(30);
        private Duration gateStartupInterval = GateConfig.DEFAULT_STARTUP_INTERVAL;
        private Duration gateInterval = GateConfig.DEFAULT_INTERVAL;
        private Supplier<String> address = () -> "unknown";

        private Builder() {
        }

        /** The startup graph, validated here and again by {@link #build()}. */
        public Builder graph(StartupGraph graph) {
            this.graph = Objects.requireNonNull(graph, "graph");
            return this;
        }

        /** The startup graph from services built in code ({@link ServiceSpec#builder}). */
        public Builder services(ServiceSpec... services) throws GraphValidationException {
            return graph(StartupGraph.of("code", List.of(services)));
        }

        /** The startup graph in {@code file} (the JSON format {@code dreamnet dag validate} checks). */
        public Builder graph(Path file) throws GraphValidationException {
            return graph(GraphFile.load(file));
        }

        /** The component for every service of {@code kind} in the graph. */
        public Builder kind(String kind, Function<ServiceSpec, Component> factory) {
            if (kinds.putIfAbsent(kind, Objects.requireNonNull(factory, "factory")) != null) {
                throw new IllegalArgumentException("kind \"" + kind + "\" is registered twice");
            }
            return this;
        }

        /** Components that need the runtime itself (its flags, breakers or audit log), registered during build. */
        public Builder components(Components components) {
            this.components.add(Objects.requireNonNull(components, "components"));
            return this;
        }

        /**
         * Breakers, retries and timeouts per downstream; {@code database} and {@code queue}, which the toolkit calls
         * itself, get the toolkit's defaults unless configured here.
         */
        public Builder resilience(ResilienceSettings resilience) {
            this.resilience = toolkitDefaults(resilience);
            return this;
        }

        /** As {@link #resilience(ResilienceSettings)}, from a {@code resilience.yaml} file. */
        public Builder resilience(Path file) throws ConfigException {
            return resilience(ResilienceFile.load(file));
        }

        /** The flags file, watched and reloaded while running; without one every flag is off and modes are NORMAL. */
        public Builder flags(Path file) {
            this.flagsFile = file;
            return this;
        }

        /** Where tokens ({@code DREAMNET_ADMIN_TOKENS}...) and boot kill switches are read; the process's by default. */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
            return this;
        }

        /**
         * The database of the graph's {@code database} services and of the toolkit's own state; an embedded H2 file
         * under {@code ./dreamnet-data} by default. On PostgreSQL, instances sharing it form a fleet.
         */
        public Builder database(String jdbcUrl) {
            this.databaseUrl = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            return this;
        }

        /** The message queues the graph's {@code queues} service opens (see {@code config/queues.yaml}). */
        public Builder queues(QueueService queues) {
            this.queues = Objects.requireNonNull(queues, "queues");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The timer for gates, reloads and heartbeats; the caller keeps ownership of one it passes. */
        public Builder scheduler(Scheduler scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /** How retries wait between attempts. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        public Builder startupThreads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("startupThreads must be at least 1, was " + threads);
            }
            this.startupThreads = threads;
            return this;
        }

        /** How long {@link DreamNet#shutdown()} waits for in-flight requests, and then for each service to stop. */
        public Builder shutdownGrace(Duration grace) {
            this.shutdownGrace = Objects.requireNonNull(grace, "grace");
            return this;
        }

        /** How often health gates check while not yet ready, and once ready. */
        public Builder gateIntervals(Duration whileStarting, Duration whenReady) {
            this.gateStartupInterval = Objects.requireNonNull(whileStarting, "whileStarting");
            this.gateInterval = Objects.requireNonNull(whenReady, "whenReady");
            return this;
        }

        /** Where this instance answers, for the fleet registry; the web layer sets it once it listens. */
        public Builder address(Supplier<String> address) {
            this.address = Objects.requireNonNull(address, "address");
            return this;
        }

        /**
         * @throws GraphValidationException when a service's kind is unknown or a component cannot be made
         * @throws ConfigException never from here today; reserved for settings checked at build
         */
        public DreamNet build() throws GraphValidationException, ConfigException {
            if (graph == null) {
                // Without a graph of its own the application is one service, ready as soon as it starts.
                graph = StartupGraph.of("no graph", List.of(ServiceSpec.builder(APPLICATION).kind(APPLICATION).build()));
                kinds.putIfAbsent(APPLICATION, spec -> () -> { });
            }
            return new DreamNet(this);
        }

        private static ResilienceSettings toolkitDefaults(ResilienceSettings application) {
            Map<String, ServiceSettings> services = new LinkedHashMap<>(application.services());
            ResilienceSettings defaults = Downstreams.defaults();
            services.putIfAbsent(Downstreams.DATABASE, defaults.service(Downstreams.DATABASE));
            services.putIfAbsent(Downstreams.QUEUE, defaults.service(Downstreams.QUEUE));
            return ResilienceSettings.of(List.copyOf(services.values()));
        }
    }
}
