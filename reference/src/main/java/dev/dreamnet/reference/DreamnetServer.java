package dev.dreamnet.reference;

import dev.dreamnet.config.resilience.ResilienceSettings;
import dev.dreamnet.config.yaml.ConfigException;
import dev.dreamnet.core.startup.GraphValidationException;
import dev.dreamnet.core.startup.StartupGraph;
import dev.dreamnet.core.startup.StartupSnapshot;
import dev.dreamnet.core.watchdog.Watchdogs;
import dev.dreamnet.javalin.DreamNetPlugin;
import dev.dreamnet.javalin.rollouts.RolloutRouting;
import dev.dreamnet.reference.agents.Agent;
import dev.dreamnet.reference.agents.AgentRoutes;
import dev.dreamnet.reference.agents.AgentWork;
import dev.dreamnet.reference.dreams.DreamRoutes;
import dev.dreamnet.reference.dreams.InterpretRoute;
import dev.dreamnet.reference.dreams.ReferenceService;
import dev.dreamnet.reference.provider.ProviderClient;
import dev.dreamnet.reference.provider.StubProvider;
import dev.dreamnet.reference.provider.StubProviderRoutes;
import dev.dreamnet.reference.queues.DreamEventRelay;
import dev.dreamnet.reference.queues.DreamEvents;
import dev.dreamnet.reference.rollouts.CanaryFaultRoutes;
import dev.dreamnet.reference.rollouts.CanaryFaults;
import dev.dreamnet.runtime.DreamNet;
import dev.dreamnet.runtime.DreamNetBuilder;
import dev.dreamnet.runtime.Pools;
import dev.dreamnet.runtime.ServiceState;
import dev.dreamnet.runtime.flags.FlagService;
import dev.dreamnet.runtime.fleet.InstanceRegistry;
import dev.dreamnet.runtime.kinds.Kinds;
import dev.dreamnet.runtime.queues.QueueService;
import dev.dreamnet.runtime.queues.QueuesComponent;
import dev.dreamnet.runtime.resilience.Downstreams;
import dev.dreamnet.runtime.rollouts.RolloutService;
import dev.dreamnet.core.metrics.RequestMetrics;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runnable reference service, built as any application would build on the toolkit: a {@link DreamNet} runtime
 * with the dreams, agents, relay and stub provider as its components, and a Javalin server with the
 * {@link DreamNetPlugin} and the service's own routes. {@link #start} validates the configuration, starts the graph
 * and opens the port so probes answer at once; {@link #shutdown()} is the graceful SIGTERM path. Thread-safe.
 */
public final class DreamnetServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DreamnetServer.class);

    private final ServerConfig config;
    private final DreamNet dreamnet;
    private final DreamNetPlugin plugin;
    private final ExecutorService queuePool = Pools.bounded("dreamnet-queue", 3); // relay, agents: a mute broker spares the checks
    private final StubProvider stubProvider = new StubProvider();
    private final AtomicReference<ProviderClient> provider = new AtomicReference<>();
    private final List<Agent> agents = new ArrayList<>();
    private final ReferenceService reference;
    private final Customizer customizer;
    private DreamEventRelay relay;
    private volatile Javalin http;

    private DreamnetServer(ServerConfig config, StartupGraph graph, ResilienceSettings resilience, QueueService queues,
                           Customizer customizer) throws GraphValidationException, ConfigException {
        this.config = config;
        this.customizer = customizer;
        AtomicReference<ReferenceService> service = new AtomicReference<>();
        DreamNetBuilder builder = DreamNet.builder();
        if (config.slosFile() != null) {
            builder.slos(config.slosFile());
        }
        if (config.overloadFile() != null) {
            builder.overload(config.overloadFile());
        }
        builder.resilience(resilience);
        if (config.resilienceFile() != null) {
            builder.resilience(config.resilienceFile()); // checked by the preflight; from now on watched
        }
        this.dreamnet = builder.graph(graph).flags(config.flagsFile())
                .environment(config.environment()).database(config.effectiveJdbcUrl()).queues(queues)
                .startupThreads(config.startupThreads()).shutdownGrace(config.shutdownGrace())
                .gateIntervals(config.gateStartupInterval(), config.gateInterval())
                .components((kinds, runtime) -> service.set(components(kinds, runtime)))
                .build();
        this.reference = service.get();
        this.plugin = new DreamNetPlugin(dreamnet, plugin -> {
            plugin.limits = config.http();
            plugin.ungated.add("/stub-provider/");
            plugin.flag("POST /api/dreams", "dreams.write");
            plugin.notWrites.add("POST /api/dreams/{id}/interpret"); // reads a dream and asks the provider
            plugin.notWrites.add("POST /stub-provider/v1/interpret"); // the stand-in for an outside service
        });
    }

    /** The reference service's components, by kind: dreams, the audit and queue services, the relay, the agents. */
    private ReferenceService components(Kinds kinds, DreamNet runtime) {
        ReferenceService dreams = new ReferenceService(kinds, runtime.clock(), runtime.state()::apiOpen);
        dreams.register();
        customizer.components(kinds);
        Downstreams downstreams = runtime.downstreams();
        QueueService queues = runtime.queues();
        // The audit service: operator actions must be recordable before the API opens to them.
        kinds.register(ServerKinds.AUDIT, spec -> () -> runtime.audit().recent(1));
        kinds.register(ServerKinds.QUEUES, spec -> new QueuesComponent(queues, () -> ServerKinds.queueBackend(
                config.queueUrl(), dreams.dataSource(), runtime.clock(), downstreams), runtime.watchdogs(), downstreams));
        relay = new DreamEventRelay(queues, Agent.NAMES.stream().map(DreamEvents::queueFor).toList(),
                dreams::dataSource, downstreams, runtime.clock(), runtime.scheduler(), queuePool);
        queues.reportRelay(relay::position);
        kinds.register(ServerKinds.OUTBOX, spec -> relay).needDatabase(ServerKinds.ON_DATABASE);
        AgentWork work = new AgentWork(queues, dreams::dataSource, downstreams);
        FlagService flags = runtime.flags();
        for (String name : Agent.NAMES) {
            Agent agent = new Agent(name, () -> flags.allows("agent." + name), work, runtime.scheduler(), queuePool,
                    runtime.clock());
            agents.add(agent);
            kinds.register(name, spec -> agent);
        }
        return dreams;
    }

    private void routes(JavalinConfig app) {
        app.registerPlugin(plugin);
        Downstreams downstreams = dreamnet.downstreams();
        RolloutRouting routing = plugin.rolloutRouting();
        CanaryFaults canaryFaults = CanaryFaults.system();
        DreamRoutes dreams = new DreamRoutes(reference::store, downstreams, routing, canaryFaults);
        dreams.register(app.routes);
        new InterpretRoute(dreams, provider::get, downstreams, dreamnet.flags()).register(app.routes);
        new AgentRoutes(agents).register(app.routes);
        new CanaryFaultRoutes(canaryFaults, dreamnet.access(), dreamnet.audit()).register(app.routes);
        new StubProviderRoutes(stubProvider, dreamnet.access(), dreamnet.audit()).register(app.routes);
        customizer.routes(app.routes);
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
            server.dreamnet.start(); // the database opens while the HTTP server starts
        } catch (ConfigException | RuntimeException e) {
            server.shutdown();
            throw e;
        }
        server.listen();
        return server;
    }

    private void listen() throws IOException {
        try {
            Javalin app = Javalin.create(javalin -> {
                javalin.startup.showJavalinBanner = false;
                javalin.startup.showOldJavalinVersionWarning = false;
                routes(javalin);
            });
            app.start(config.host(), config.port());
            http = app;
        } catch (RuntimeException e) {
            shutdown();
            throw new IOException("cannot listen on " + config.host() + ":" + config.port() + ": "
                    + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()), e);
        }
        provider.set(new ProviderClient(dreamnet.downstreams().settings(Downstreams.PROVIDER).baseUrl()
                .orElse(URI.create("http://127.0.0.1:" + port() + "/stub-provider")),
                dreamnet.downstreams().timeout(Downstreams.PROVIDER), dreamnet.clock()));
        LOG.info("provider calls go to {}", provider.get().url());
    }

    public DreamNet dreamnet() {
        return dreamnet;
    }

    public InstanceRegistry fleet() {
        return dreamnet.fleet();
    }

    public RolloutService rollouts() {
        return dreamnet.rollouts();
    }

    public QueueService queues() {
        return dreamnet.queues();
    }

    public Watchdogs watchdogs() {
        return dreamnet.watchdogs();
    }

    public int port() {
        Javalin app = http;
        return app == null ? 0 : app.port();
    }

    public ServiceState state() {
        return dreamnet.state();
    }

    /** Completes with the startup result (READY, DEGRADED or FAILED). */
    public CompletableFuture<StartupSnapshot> started() {
        return dreamnet.started();
    }

    public Downstreams downstreams() {
        return dreamnet.downstreams();
    }

    public FlagService flags() {
        return dreamnet.flags();
    }

    public RequestMetrics requestMetrics() {
        return dreamnet.requestMetrics();
    }

    public int inFlight() {
        return dreamnet.inFlight().count();
    }

    /**
     * Graceful stop: readiness turns false, in-flight requests get up to the grace period to finish,
     * the port closes, then services stop in reverse dependency order. Idempotent.
     */
    public void shutdown() {
        try {
            dreamnet.shutdown();
        } finally {
            queuePool.shutdownNow();
        }
    }

    @Override
    public void close() {
        shutdown();
    }
}
