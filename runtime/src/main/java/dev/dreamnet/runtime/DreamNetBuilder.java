package dev.dreamnet.runtime;

import dev.dreamnet.config.graph.GraphFile;
import dev.dreamnet.config.resilience.ResilienceFile;
import dev.dreamnet.config.resilience.ResilienceSettings;
import dev.dreamnet.config.resilience.ServiceSettings;
import dev.dreamnet.config.yaml.ConfigException;
import dev.dreamnet.core.health.GateConfig;
import dev.dreamnet.core.startup.Component;
import dev.dreamnet.core.startup.GraphValidationException;
import dev.dreamnet.core.startup.ServiceSpec;
import dev.dreamnet.core.startup.StartupGraph;
import dev.dreamnet.core.text.Redaction;
import dev.dreamnet.core.time.Clock;
import dev.dreamnet.core.time.Scheduler;
import dev.dreamnet.core.time.Sleeper;
import dev.dreamnet.runtime.queues.QueueService;
import dev.dreamnet.runtime.resilience.Downstreams;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Assembles a {@link DreamNet}; every setting has a default, so {@code build()} alone runs one service, ready at once.
 * Not thread-safe; {@link DreamNet} copies what it keeps, so changing a builder after {@code build()} changes nothing.
 */
public final class DreamNetBuilder {

    StartupGraph graph;
    final Map<String, Function<ServiceSpec, Component>> kinds = new LinkedHashMap<>();
    final List<DreamNet.Components> components = new ArrayList<>();
    ResilienceSettings resilience = toolkitDefaults(ResilienceSettings.of(List.of()));
    Path flagsFile;
    Path resilienceFile;
    Path overloadFile;
    dev.dreamnet.config.overload.OverloadConfig overload;
    Path slosFile;
    dev.dreamnet.runtime.tracing.Tracing tracing;
    dev.dreamnet.config.slo.SlosConfig slos = dev.dreamnet.config.slo.SlosConfig.none();
    Map<String, String> environment = System.getenv();
    String databaseUrl = defaultDatabaseUrl();
    QueueService queues = new QueueService(List.of(), null);
    Clock clock = Clock.system();
    Scheduler scheduler;
    Sleeper sleeper = Sleeper.system();
    int startupThreads = 8;
    Duration shutdownGrace = Duration.ofSeconds(30);
    Duration gateStartupInterval = GateConfig.DEFAULT_STARTUP_INTERVAL;
    Duration gateInterval = GateConfig.DEFAULT_INTERVAL;
    Supplier<String> address = () -> "unknown";

    DreamNetBuilder() {
    }

    /** The startup graph, validated here and again by {@link #build()}. */
    public DreamNetBuilder graph(StartupGraph graph) {
        this.graph = Objects.requireNonNull(graph, "graph");
        return this;
    }

    /** The startup graph from services built in code ({@link ServiceSpec#builder}). */
    public DreamNetBuilder services(ServiceSpec... services) throws GraphValidationException {
        Objects.requireNonNull(services, "services");
        for (int i = 0; i < services.length; i++) {
            Objects.requireNonNull(services[i], "services[" + i + "]");
        }
        return graph(StartupGraph.of("code", List.of(services)));
    }

    /** The startup graph in {@code file} (the JSON format {@code dreamnet dag validate} checks). */
    public DreamNetBuilder graph(Path file) throws GraphValidationException {
        return graph(GraphFile.load(Objects.requireNonNull(file, "graph file")));
    }

    /** The component for every service of {@code kind} in the graph; {@code kind} is the graph's {@code "kind"}. */
    public DreamNetBuilder kind(String kind, Function<ServiceSpec, Component> factory) {
        if (kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("kind must name a kind of the graph's services, was "
                    + (kind == null ? "null" : "\"" + kind + "\""));
        }
        if (kinds.putIfAbsent(kind, Objects.requireNonNull(factory, "factory")) != null) {
            throw new IllegalArgumentException("kind \"" + kind + "\" is registered twice");
        }
        return this;
    }

    /** Components that need the runtime itself (its flags, breakers or audit log), registered during build. */
    public DreamNetBuilder components(DreamNet.Components components) {
        this.components.add(Objects.requireNonNull(components, "components"));
        return this;
    }

    /**
     * Breakers, retries and timeouts per downstream; {@code database} and {@code queue}, which the toolkit calls
     * itself, get the toolkit's defaults unless configured here.
     */
    public DreamNetBuilder resilience(ResilienceSettings resilience) {
        this.resilience = toolkitDefaults(Objects.requireNonNull(resilience, "resilience"));
        this.resilienceFile = null;
        return this;
    }

    /**
     * As {@link #resilience(ResilienceSettings)}, from a {@code resilience.yaml} file, read here (a bad file is refused
     * now) and then watched: a valid change to the settings of the same downstreams takes effect without a restart
     * ({@link Downstreams#reload}); a refused version leaves the last good one in force.
     */
    public DreamNetBuilder resilience(Path file) throws ConfigException {
        resilience(ResilienceFile.load(Objects.requireNonNull(file, "resilience file")));
        this.resilienceFile = file;
        return this;
    }

    /**
     * The flags file, read by {@link #build()} (which refuses a missing or bad one, so that the flags are in force as
     * soon as the runtime exists, before it starts) and watched and reloaded from {@link DreamNet#start()} on;
     * {@code null}, like no call, means no flags file: every flag is off and modes are NORMAL.
     */
    public DreamNetBuilder flags(Path file) {
        this.flagsFile = file;
        return this;
    }

    /**
     * Overload protection for the application's routes, as configured in code: an adaptive concurrency limit shared
     * out by criticality, and automatic brownout. Without this or {@link #overload(Path)} there is none (the web
     * layer's fixed in-flight cap still applies).
     */
    public DreamNetBuilder overload(dev.dreamnet.config.overload.OverloadConfig config) {
        this.overload = java.util.Objects.requireNonNull(config, "overload config must not be null");
        this.overloadFile = null;
        return this;
    }

    /** As {@link #overload(dev.dreamnet.config.overload.OverloadConfig)}, from an {@code overload.yaml} file, watched and reloaded. */
    public DreamNetBuilder overload(Path file) {
        this.overloadFile = java.util.Objects.requireNonNull(file, "overload file must not be null");
        this.overload = null;
        return this;
    }

    /**
     * Service level objectives, as configured in code: their error budgets are counted per minute in the toolkit's
     * database and judged with multiwindow burn-rate alerts ({@code /api/observability/slos}). None by default.
     */
    public DreamNetBuilder slos(dev.dreamnet.config.slo.SlosConfig config) {
        this.slos = Objects.requireNonNull(config, "slos config must not be null");
        this.slosFile = null;
        return this;
    }

    /** As {@link #slos(dev.dreamnet.config.slo.SlosConfig)}, from a {@code slos.yaml} file, watched and reloaded. */
    public DreamNetBuilder slos(Path file) {
        this.slosFile = Objects.requireNonNull(file, "slos file must not be null");
        return this;
    }

    /**
     * Spans for requests, outbound calls and startup through {@code tracing}; by default
     * {@link dev.dreamnet.runtime.tracing.Tracing#fromEnvironment} (off unless {@code OTEL_TRACES_EXPORTER} is set).
     */
    public DreamNetBuilder tracing(dev.dreamnet.runtime.tracing.Tracing tracing) {
        this.tracing = Objects.requireNonNull(tracing, "tracing");
        return this;
    }

    /** Where tokens ({@code DREAMNET_ADMIN_TOKENS}...) and boot kill switches are read; the process's by default. */
    public DreamNetBuilder environment(Map<String, String> environment) {
        Objects.requireNonNull(environment, "environment");
        environment.forEach((name, value) -> {
            if (name == null || value == null) {
                throw new IllegalArgumentException("environment must not hold null names or values, had "
                        + name + "=" + value);
            }
        });
        this.environment = Map.copyOf(environment);
        return this;
    }

    /** The {@link #database} when none is given: an embedded H2 file, {@code ./dreamnet-data/dreamnet.mv.db}. */
    private static String defaultDatabaseUrl() {
        return dev.dreamnet.jdbc.DurableUrls.durableOnCommit("jdbc:h2:file:"
                + Path.of("dreamnet-data").toAbsolutePath().resolve("dreamnet") + ";DB_CLOSE_ON_EXIT=FALSE");
    }

    /**
     * The database of the graph's {@code database} services and of the toolkit's own state; an embedded H2 file
     * under {@code ./dreamnet-data} by default. On PostgreSQL, instances sharing it form a fleet. An H2 file writes
     * each commit before the commit returns ({@code WRITE_DELAY=0}) unless the URL sets a write delay itself, so an
     * acknowledged change (an operator's, an audit entry) survives a crash of the process.
     */
    public DreamNetBuilder database(String jdbcUrl) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:")) {
            throw new IllegalArgumentException("jdbcUrl must be a JDBC URL such as \"jdbc:postgresql://db:5432/app\" or "
                    + "\"jdbc:h2:file:./data/app\", was \"" + Redaction.url(jdbcUrl) + "\"");
        }
        this.databaseUrl = dev.dreamnet.jdbc.DurableUrls.durableOnCommit(jdbcUrl);
        return this;
    }

    /** The message queues the graph's {@code queues} service opens (see {@code config/queues.yaml}). */
    public DreamNetBuilder queues(QueueService queues) {
        this.queues = Objects.requireNonNull(queues, "queues");
        return this;
    }

    public DreamNetBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /** The timer for gates, reloads and heartbeats; the caller keeps ownership of one it passes. */
    public DreamNetBuilder scheduler(Scheduler scheduler) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        return this;
    }

    /** How retries wait between attempts. */
    public DreamNetBuilder sleeper(Sleeper sleeper) {
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        return this;
    }

    public DreamNetBuilder startupThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("startupThreads must be at least 1, was " + threads);
        }
        this.startupThreads = threads;
        return this;
    }

    /**
     * How long {@link DreamNet#shutdown()} waits for in-flight requests, and then for each service to stop; zero or
     * more ({@code Duration.ZERO} does not wait for requests).
     */
    public DreamNetBuilder shutdownGrace(Duration grace) {
        Objects.requireNonNull(grace, "grace");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("shutdownGrace must be >= 0, was " + grace);
        }
        this.shutdownGrace = grace;
        return this;
    }

    /** How often health gates check while not yet ready, and once ready; both must be positive. */
    public DreamNetBuilder gateIntervals(Duration whileStarting, Duration whenReady) {
        this.gateStartupInterval = positive("gateIntervals whileStarting", whileStarting);
        this.gateInterval = positive("gateIntervals whenReady", whenReady);
        return this;
    }

    /** Where this instance answers, for the fleet registry; the web layer sets it once it listens. */
    public DreamNetBuilder address(Supplier<String> address) {
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
            graph = StartupGraph.of("no graph",
                    List.of(ServiceSpec.builder(DreamNet.APPLICATION).kind(DreamNet.APPLICATION).build()));
            kinds.putIfAbsent(DreamNet.APPLICATION, spec -> () -> { });
        }
        return new DreamNet(this);
    }

    private static Duration positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be > 0, was " + value);
        }
        return value;
    }

    static ResilienceSettings toolkitDefaults(ResilienceSettings application) {
        Map<String, ServiceSettings> services = new LinkedHashMap<>(application.services());
        ResilienceSettings defaults = Downstreams.defaults();
        services.putIfAbsent(Downstreams.DATABASE, defaults.service(Downstreams.DATABASE));
        services.putIfAbsent(Downstreams.QUEUE, defaults.service(Downstreams.QUEUE));
        return ResilienceSettings.of(List.copyOf(services.values()));
    }
}
