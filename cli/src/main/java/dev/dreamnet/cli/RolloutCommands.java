package dev.dreamnet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dreamnet rollouts} and {@code dreamnet rollout start|status|promote|pause|resume|rollback NAME}. */
final class RolloutCommands {

    /** The fields of the rollouts document. */
    static final List<String> ALL_FIELDS = List.of("rollouts");
    /** The fields of one rollout, which every change answers. */
    static final List<String> FIELDS = List.of("name", "status");

    private RolloutCommands() {
    }

    @Command(name = "rollouts", mixinStandardHelpOptions = true,
            description = "Show every rollout: status, canary share, both sides' traffic and errors, the last verdict.")
    static final class Show extends ReadCommand {
        @Override
        String path() {
            return "api/observability/rollouts";
        }

        @Override
        List<String> fields() {
            return ALL_FIELDS;
        }

        @Override
        void print(JsonNode body, PrintWriter out) {
            if (body.path("rollouts").isEmpty()) {
                out.println("no rollouts (start one with: dreamnet rollout start NAME --reason ...)");
            }
            body.path("rollouts").forEach(r -> RolloutCommands.print(r, out));
        }
    }

    static void print(JsonNode r, PrintWriter out) {
        out.printf(Locale.ROOT, "%s: %s at %.2f%% (step %d of %s), %d s in step%s%n", r.path("name").asText(),
                r.path("status").asText(), r.path("percent").asDouble(), r.path("step").asInt() + 1,
                r.path("config").path("steps"), r.path("inStepSeconds").asLong(),
                r.path("reason").asText().isEmpty() ? "" : "; " + r.path("reason").asText());
        for (String side : List.of("baseline", "canary")) {
            JsonNode s = r.path(side);
            out.printf(Locale.ROOT, "  %-8s %6d requests, %5.2f%% errors, p99 %s ms%n", side, s.path("requests").asLong(),
                    s.path("errorRate").asDouble() * 100, SummaryPrinter.ms(s.path("latency").path("p99Ms")));
        }
        JsonNode verdict = r.path("lastVerdict");
        if (verdict.isObject()) {
            out.printf("  verdict  %s: %s%n", verdict.path("kind").asText(), verdict.path("reason").asText());
        }
    }

    /** The actions of {@code dreamnet rollout}. */
    static final class Actions implements Iterable<String> {
        static final List<String> ALL = List.of("start", "status", "promote", "pause", "resume", "rollback");

        @Override
        public Iterator<String> iterator() {
            return ALL.iterator();
        }
    }

    @Command(name = "rollout", mixinStandardHelpOptions = true,
            description = "Start, inspect, promote, pause, resume or roll back a rollout (writes need the admin token; "
                    + "audited).")
    static final class Change implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ClientOptions client;

        @Parameters(index = "0", paramLabel = "ACTION", completionCandidates = Actions.class,
                description = "One of: ${COMPLETION-CANDIDATES}.")
        String action;

        @Parameters(index = "1", paramLabel = "NAME", description = "The rollout, e.g. dream-read-v2.")
        String name;

        @Option(names = "--reason", description = "Why, for the audit log (required for start and rollback).")
        String reason;

        @Option(names = "--steps", split = ",", paramLabel = "PERCENT", description = "start: canary shares, e.g. 1,10,50,100.")
        List<Double> steps;

        @Option(names = "--bake", paramLabel = "DURATION", description = "start: how long a healthy step runs, e.g. 5m.")
        String bake;

        @Option(names = "--window", paramLabel = "DURATION", description = "start: the judgement window, e.g. 5m.")
        String window;

        @Option(names = "--max-error-rate", paramLabel = "RATIO", description = "start: SLO, e.g. 0.01 for 1%%.")
        Double maxErrorRate;

        @Option(names = "--max-p99", paramLabel = "DURATION", description = "start: SLO for the canary's p99, e.g. 500ms.")
        String maxP99;

        @Option(names = "--min-requests", paramLabel = "N", description = "start: requests per side before judging.")
        Integer minRequests;

        @Option(names = "--significance", paramLabel = "RATIO",
                description = "start: the chance of rolling back a healthy rollout at all, e.g. 0.01.")
        Double significance;

        @Option(names = "--latency-tolerance", paramLabel = "RATIO",
                description = "start: how far the canary's p99 may exceed the baseline's, e.g. 0.5 for 50%%.")
        Double latencyTolerance;

        @Option(names = "--latency-effect", paramLabel = "RATIO", description = "start: how much more often than "
                + "half the canary may be the slower of a pair before the distribution test rolls back, e.g. 0.03.")
        Double latencyEffect;

        @Option(names = "--manual", description = "start: never promote by itself (auto-promote off).")
        boolean manual;

        @Override
        public Integer call() {
            if (!Actions.ALL.contains(action)) {
                throw new ParameterException(spec.commandLine(), "ACTION must be one of "
                        + String.join(", ", Actions.ALL) + ", was \"" + action + "\"");
            }
            if ((action.equals("start") || action.equals("rollback")) && (reason == null || reason.isBlank())) {
                throw new ParameterException(spec.commandLine(), "--reason is required for " + action);
            }
            return Client.run(spec, () -> {
                JsonNode r = switch (action) {
                    case "status" -> status();
                    case "start" -> client.client().post("api/admin/rollouts", startBody(), FIELDS);
                    default -> client.client().post("api/admin/rollouts/" + Client.segment("NAME", name) + "/" + action,
                            reason == null ? Map.of() : Map.of("reason", reason), FIELDS);
                };
                if (client.json) {
                    return r;
                }
                print(r, spec.commandLine().getOut());
                return null;
            });
        }

        private JsonNode status() throws ClientException {
            for (JsonNode r : client.client().get("api/observability/rollouts", ALL_FIELDS).path("rollouts")) {
                if (r.path("name").asText().equals(name)) {
                    return r;
                }
            }
            throw ClientException.notFound("no rollout \"" + name + "\" (see dreamnet rollouts)");
        }

        private Map<String, Object> startBody() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", name);
            body.put("reason", reason);
            putIfSet(body, "steps", steps);
            putIfSet(body, "bakeTime", bake);
            putIfSet(body, "window", window);
            putIfSet(body, "maxErrorRate", maxErrorRate);
            putIfSet(body, "maxP99", maxP99);
            putIfSet(body, "minRequests", minRequests);
            putIfSet(body, "significance", significance);
            putIfSet(body, "latencyTolerance", latencyTolerance);
            putIfSet(body, "latencyEffect", latencyEffect);
            if (manual) {
                body.put("autoPromote", false);
            }
            return body;
        }

        private static void putIfSet(Map<String, Object> body, String field, Object value) {
            if (value != null) {
                body.put(field, value);
            }
        }
    }
}
