package dev.dreamnet.reference;

import dev.dreamnet.reference.ServerConfig;
import dev.dreamnet.config.flags.FlagsConfig;
import dev.dreamnet.config.flags.FlagsFile;
import dev.dreamnet.config.graph.GraphFile;
import dev.dreamnet.config.queues.QueuesFile;
import dev.dreamnet.config.resilience.ResilienceFile;
import dev.dreamnet.config.resilience.ResilienceSettings;
import dev.dreamnet.config.yaml.ConfigException;
import dev.dreamnet.config.yaml.ConfigProblem;
import dev.dreamnet.core.queue.QueueSpec;
import dev.dreamnet.core.startup.Component;
import dev.dreamnet.core.startup.ComponentResolver;
import dev.dreamnet.core.startup.GraphProblem;
import dev.dreamnet.core.startup.GraphValidationException;
import dev.dreamnet.core.startup.ServiceSpec;
import dev.dreamnet.core.startup.StartupDag;
import dev.dreamnet.core.startup.StartupGraph;
import dev.dreamnet.core.time.Scheduler;
import dev.dreamnet.reference.agents.Agent;
import dev.dreamnet.reference.queues.DreamEvents;
import dev.dreamnet.runtime.kinds.Kinds;
import dev.dreamnet.runtime.queues.QueueService;
import dev.dreamnet.runtime.resilience.Downstreams;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything {@code dreamnet serve} reads before it opens its port, loaded and checked as the server
 * uses it: the startup graph and the kinds it names, {@code config/resilience.yaml}, the feature flags
 * and the queues. {@link #check} reports every problem of every file at once, one line each naming the
 * file (and the line, in a YAML file). {@code dreamnet serve} runs it before binding the port;
 * {@code dreamnet doctor} runs the same checks, file by file, and {@code dreamnet dag validate} those of the graph,
 * by default taking kinds without a component here for the application's own ({@link #structure}).
 * Stateless and thread-safe.
 */
public final class Preflight {

    /**
     * A graph whose structure and known kinds are valid. {@code ofOwnKinds} are its services, in declaration
     * order, whose kinds have no component in this build (the application's own components), and
     * {@code knownKinds} the kinds that do.
     */
    public record GraphCheck(StartupGraph graph, List<ServiceSpec> ofOwnKinds, List<String> knownKinds) {
    }

    /** What the server goes on with once nothing is wrong. */
    public record Loaded(StartupGraph graph, ResilienceSettings resilience, QueueService queues) {
    }

    private interface Load<T> {
        T run() throws GraphValidationException, ConfigException;
    }

    private Preflight() {
    }

    /**
     * Loads and checks every file {@code config} names, as {@code dreamnet serve} with {@code customizer} would.
     *
     * @throws PreflightException listing every problem of every file
     */
    public static Loaded check(ServerConfig config, Customizer customizer) throws PreflightException {
        List<String> problems = new ArrayList<>();
        StartupGraph graph = collect(problems, () -> graph(config.graphFile(), customizer));
        ResilienceSettings resilience = collect(problems, () -> resilience(config.resilienceFile()));
        if (config.flagsFile() != null) {
            collect(problems, () -> flags(config.flagsFile()));
        }
        List<QueueSpec> specs = collect(problems, () -> queues(config.queuesFile()));
        QueueService queues = specs == null ? null : new QueueService(specs, String.valueOf(config.queuesFile()));
        if (graph != null && queues != null) {
            try {
                queues.requireConsumedQueues(graph, Agent.NAMES, DreamEvents::queueFor);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new PreflightException(problems);
        }
        return new Loaded(graph, resilience, queues);
    }

    /**
     * The graph at {@code file}, every service's kind resolved as the server resolves it (the server's own
     * kinds and {@code customizer}'s), and a {@code database} service present when a kind needs one.
     * A graph that uses no such kind needs none: an application's own graph may not use a database at all.
     */
    public static StartupGraph graph(Path file, Customizer customizer) throws GraphValidationException {
        StartupGraph graph = GraphFile.load(file);
        Kinds kinds = kinds(customizer);
        resolve(graph, kinds, kinds);
        return graph;
    }

    /**
     * The graph at {@code file} checked as {@link #graph} checks it, except that a service whose kind has no
     * component here is taken for the application's own component: checked for structure only and listed in
     * {@link GraphCheck#ofOwnKinds()} instead of refused. What {@code dreamnet dag validate} checks by default.
     */
    public static GraphCheck structure(Path file, Customizer customizer) throws GraphValidationException {
        StartupGraph graph = GraphFile.load(file);
        Kinds kinds = kinds(customizer);
        Component ownComponent = () -> { };
        resolve(graph, kinds, service -> kinds.knows(service.kind()) ? kinds.resolve(service) : ownComponent);
        List<ServiceSpec> ofOwnKinds = graph.services().stream().filter(s -> !kinds.knows(s.kind())).toList();
        return new GraphCheck(graph, ofOwnKinds, kinds.known());
    }

    private static Kinds kinds(Customizer customizer) {
        Kinds kinds = ServerKinds.forValidation();
        customizer.components(kinds);
        return kinds;
    }

    /** Resolves every service's kind and settings with {@code resolver}, and requires a database where one is needed. */
    private static void resolve(StartupGraph graph, Kinds kinds, ComponentResolver resolver)
            throws GraphValidationException {
        // Built only so that every service's kind and settings are resolved; never started, so nothing is scheduled.
        Scheduler neverUsed = (delay, task) -> () -> { };
        StartupDag.builder(graph, resolver).executor(Runnable::run).scheduler(neverUsed).build();
        Optional<GraphProblem> missing = kinds.missingDatabase(graph);
        if (missing.isPresent()) {
            throw new GraphValidationException(List.of(missing.get()));
        }
    }

    /** The breakers and retries of the downstreams the server calls; the built-in defaults when {@code file} is null. */
    public static ResilienceSettings resilience(Path file) throws ConfigException {
        return file == null ? Downstreams.defaults() : ResilienceFile.load(file, Downstreams.NAMES);
    }

    /** The feature flags of {@code file}, as the server's flag service first loads them. */
    public static FlagsConfig flags(Path file) throws ConfigException {
        return FlagsFile.load(file);
    }

    /** The queues to declare; none when {@code file} is null. */
    public static List<QueueSpec> queues(Path file) throws ConfigException {
        return file == null ? List.of() : QueuesFile.load(file);
    }

    /** Runs {@code load}, adding its problems, one line each, to {@code problems}; null when it had any. */
    private static <T> T collect(List<String> problems, Load<T> load) {
        try {
            return load.run();
        } catch (GraphValidationException e) {
            e.problems().stream().map(GraphProblem::toString).forEach(problems::add);
        } catch (ConfigException e) {
            e.problems().stream().map(ConfigProblem::toString).forEach(problems::add);
        }
        return null;
    }
}
