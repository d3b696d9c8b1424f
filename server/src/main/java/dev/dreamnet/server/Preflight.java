package dev.dreamnet.server;

import dev.dreamnet.config.flags.FlagsConfig;
import dev.dreamnet.config.flags.FlagsFile;
import dev.dreamnet.config.graph.GraphFile;
import dev.dreamnet.config.queues.QueuesFile;
import dev.dreamnet.config.resilience.ResilienceFile;
import dev.dreamnet.config.resilience.ResilienceSettings;
import dev.dreamnet.config.yaml.ConfigException;
import dev.dreamnet.config.yaml.ConfigProblem;
import dev.dreamnet.core.queue.QueueSpec;
import dev.dreamnet.core.startup.GraphProblem;
import dev.dreamnet.core.startup.GraphValidationException;
import dev.dreamnet.core.startup.StartupDag;
import dev.dreamnet.core.startup.StartupGraph;
import dev.dreamnet.core.time.Scheduler;
import dev.dreamnet.server.agents.Agent;
import dev.dreamnet.server.kinds.Kinds;
import dev.dreamnet.server.queues.QueueService;
import dev.dreamnet.server.resilience.Downstreams;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything {@code dreamnet serve} reads before it opens its port, loaded and checked as the server
 * uses it: the startup graph and the kinds it names, {@code config/resilience.yaml}, the feature flags
 * and the queues. {@link #check} reports every problem of every file at once, one line each naming the
 * file (and the line, in a YAML file). {@code dreamnet serve} runs it before binding the port;
 * {@code dreamnet dag validate} and {@code dreamnet doctor} run the same checks, file by file.
 * Stateless and thread-safe.
 */
public final class Preflight {

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
                queues.requireConsumedQueues(graph, Agent.NAMES);
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
        Kinds kinds = ServerKinds.forValidation();
        customizer.components(kinds);
        // Built only so that every service's kind and settings are resolved; never started, so nothing is scheduled.
        Scheduler neverUsed = (delay, task) -> () -> { };
        StartupDag.builder(graph, kinds).executor(Runnable::run).scheduler(neverUsed).build();
        Optional<GraphProblem> missing = kinds.missingDatabase(graph);
        if (missing.isPresent()) {
            throw new GraphValidationException(List.of(missing.get()));
        }
        return graph;
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
