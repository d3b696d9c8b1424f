package dev.dreamnet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dreamnet breakers} and {@code dreamnet breaker force-open|force-closed|reset NAME}. */
final class BreakerCommands {

    private BreakerCommands() {
    }

    @Command(name = "breakers", mixinStandardHelpOptions = true,
            description = "Show every circuit breaker: state, calls, failure and slow rates, next attempt.")
    static final class Show extends ReadCommand {
        @Override
        String path() {
            return "api/observability/circuit-breakers";
        }

        @Override
        List<String> fields() {
            return List.of("breakers");
        }

        @Override
        void print(JsonNode body, PrintWriter out) {
            out.printf("%-12s %-13s %7s %8s %8s %8s  %s%n", "BREAKER", "STATE", "CALLS", "FAIL%", "SLOW%",
                    "REJECTED", "NEXT ATTEMPT");
            for (JsonNode b : body.path("breakers")) {
                out.printf("%-12s %-13s %7d %7.1f%% %7.1f%% %8d  %s%n", b.path("name").asText(),
                        b.path("state").asText(), b.path("calls").asLong(), b.path("failureRate").asDouble(),
                        b.path("slowCallRate").asDouble(), b.path("notPermittedCalls").asLong(),
                        b.path("nextAttemptAt").isNull() ? "-" : b.path("nextAttemptAt").asText());
            }
        }
    }

    /** The actions of {@code dreamnet breaker}. */
    static final class Actions implements Iterable<String> {
        static final List<String> ALL = List.of("force-open", "force-closed", "reset");

        @Override
        public Iterator<String> iterator() {
            return ALL.iterator();
        }
    }

    @Command(name = "breaker", mixinStandardHelpOptions = true,
            description = "Force a circuit breaker open or closed, or reset it (admin token required; audited).")
    static final class Change implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ClientOptions client;

        @Parameters(index = "0", paramLabel = "ACTION", completionCandidates = Actions.class,
                description = "One of: ${COMPLETION-CANDIDATES}.")
        String action;

        @Parameters(index = "1", paramLabel = "NAME", description = "The breaker (see `dreamnet breakers`).")
        String name;

        @Option(names = "--reason", description = "Why, for the audit log.")
        String reason;

        @Override
        public Integer call() {
            if (!Actions.ALL.contains(action)) {
                throw new ParameterException(spec.commandLine(), "ACTION must be one of "
                        + String.join(", ", Actions.ALL) + ", was \"" + action + "\"");
            }
            return Client.run(spec, () -> {
                JsonNode b = client.client().post("api/admin/breakers/" + Client.segment("NAME", name) + "/" + action,
                        reason == null ? Map.of() : Map.of("reason", reason), List.of("name", "state"));
                if (client.json) {
                    return b;
                }
                spec.commandLine().getOut().printf("breaker %s is now %s%n", b.path("name").asText(),
                        b.path("state").asText());
                return null;
            });
        }
    }
}
