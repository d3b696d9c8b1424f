package dev.dreamnet.cli;

import dev.dreamnet.config.graph.GraphFile;
import dev.dreamnet.core.startup.GraphValidationException;
import dev.dreamnet.core.startup.StartupGraph;
import dev.dreamnet.reference.Customizer;
import dev.dreamnet.reference.Preflight;
import dev.dreamnet.reference.Preflight.GraphCheck;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dreamnet dag validate|plan [FILE]}: checks a startup graph and shows how it would start. */
@Command(name = "dag", mixinStandardHelpOptions = true, description = "Check and explain the startup graph.",
        subcommands = {DagCommand.Validate.class, DagCommand.Plan.class})
final class DagCommand {

    static final String DEFAULT_GRAPH = "deploy/graph.json";

    /** Loads the graph and checks it as {@code dreamnet serve} would before opening its port ({@link Preflight#graph}). */
    static StartupGraph load(Path file) throws GraphValidationException {
        return Preflight.graph(file, Customizer.none());
    }

    /**
     * Loads FILE and shows it, with one note on err listing the kinds this build does not know; or prints one line
     * per problem and exits 1. With {@code --kinds}, an unknown kind is a problem, as it is for {@code serve}.
     */
    abstract static class GraphCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(arity = "0..1", paramLabel = "FILE", defaultValue = DEFAULT_GRAPH,
                description = "The graph file (default: ${DEFAULT-VALUE}).")
        Path file;

        @Option(names = "--kinds", description = "Require every service's kind to be one this build knows, as "
                + "serve does; without it, services of other kinds (your application's own components) are "
                + "checked for structure only and listed in one note.")
        boolean requireKinds;

        abstract void show(StartupGraph graph, PrintWriter out);

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            try {
                if (requireKinds) {
                    show(load(file), spec.commandLine().getOut());
                } else {
                    GraphCheck check = Preflight.structure(file, Customizer.none());
                    show(check.graph(), spec.commandLine().getOut());
                    OwnKindsNote.of(check).ifPresent(err::println);
                }
                return ExitCodes.OK;
            } catch (GraphValidationException e) {
                err.println(e.getMessage());
                return ExitCodes.CONFIG;
            }
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Validate a startup graph as serve does before opening its port: structure (names, "
                    + "edges, cycles), types, the settings of every kind this build knows, and a database "
                    + "service when a kind needs one. Kinds this build does not know (your application's own "
                    + "components) are listed once in a note on stderr, not refused, unless --kinds is given. "
                    + "Exit 0 when valid (with or without the note), 1 with one line per problem otherwise.")
    static final class Validate extends GraphCommand {
        @Override
        void show(StartupGraph graph, PrintWriter out) {
            out.printf("%s: valid, %d services, longest chain %d: %s%n", file, graph.size(),
                    graph.longestChain().size(), String.join(" -> ", graph.longestChain()));
        }
    }

    @Command(name = "plan", mixinStandardHelpOptions = true,
            description = "Show the start order, which services start in parallel, and the critical path. "
                    + "Checks the graph as validate does, with the same --kinds option.")
    static final class Plan extends GraphCommand {
        @Override
        void show(StartupGraph graph, PrintWriter out) {
            print(graph, out);
        }

        private void print(StartupGraph graph, PrintWriter out) {
            out.printf("Start plan for %s (%d services)%n", file, graph.size());
            out.printf("Start order: %s%n", String.join(", ", graph.topologicalOrder()));
            List<List<String>> waves = graph.waves();
            for (int i = 0; i < waves.size(); i++) {
                List<String> wave = waves.get(i);
                out.printf("  step %d%s: %s%n", i + 1, wave.size() > 1 ? " (in parallel)" : "", String.join(", ", wave));
            }
            List<String> chain = graph.longestChain();
            out.printf("Critical path (%d services): %s%n", chain.size(), String.join(" -> ", chain));
            out.println("Each service starts as soon as all of its dependencies are ready, not when its step begins.");
        }
    }
}
