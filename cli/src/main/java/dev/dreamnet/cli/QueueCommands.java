package dev.dreamnet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dreamnet queues}: declared queues with depth and dead-letter depth; {@code --dead-letters QUEUE} lists them. */
@Command(name = "queues", mixinStandardHelpOptions = true,
        description = "Show the declared queues: backend, depth, retrying, in flight, dead-letter depth; "
                + "or a queue's oldest dead letters with their last error.")
final class QueueCommands implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ClientOptions client;

    @Option(names = "--dead-letters", paramLabel = "QUEUE", description = "List QUEUE's oldest dead letters instead.")
    String deadLettersOf;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
            description = "How many dead letters to list, 1 to 500 (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        return Client.run(spec, () -> {
            if (limit < 1 || limit > 500) {
                throw new IllegalArgumentException("--limit must be between 1 and 500, was " + limit);
            }
            JsonNode body = deadLettersOf == null
                    ? client.client().get("api/observability/queues", List.of("backend", "queues"))
                    : client.client().get("api/observability/queues/" + Client.segment("--dead-letters", deadLettersOf)
                    + "/dead-letters?limit=" + limit, List.of("queue", "deadLetters"));
            if (client.json) {
                return body;
            }
            PrintWriter out = spec.commandLine().getOut();
            if (deadLettersOf == null) {
                printQueues(body, out);
            } else {
                printDeadLetters(body, out);
            }
            return null;
        });
    }

    private static void printQueues(JsonNode body, PrintWriter out) {
        out.printf("Backend: %s (declared in %s)%n", body.path("backend").asText(), body.path("source").asText());
        out.printf("%-28s %7s %8s %9s %9s %9s %8s  %s%n", "QUEUE", "DEPTH", "RETRYING", "IN FLIGHT", "DLQ DEPTH",
                "DEAD-LETTERED", "ATTEMPTS", "DEAD-LETTER QUEUE");
        for (JsonNode q : body.path("queues")) {
            if (!q.path("error").isNull() && !q.path("error").isMissingNode()) {
                out.printf("%-28s unreadable: %s%n", q.path("name").asText(), q.path("error").asText());
                continue;
            }
            out.printf("%-28s %7d %8d %9d %9d %13d %8d  %s%n", q.path("name").asText(), q.path("depth").asLong(),
                    q.path("retrying").asLong(), q.path("inFlight").asLong(), q.path("deadLetterDepth").asLong(),
                    q.path("deadLetteredTotal").asLong(), q.path("maxAttempts").asInt(),
                    q.path("deadLetterQueue").asText());
        }
        JsonNode relay = body.path("relay");
        out.printf("Outbox relay: published up to dream %d%s%n", relay.path("lastPublishedDreamId").asLong(),
                relay.path("lastError").isTextual() ? " (last round failed: " + relay.path("lastError").asText() + ")" : "");
    }

    private static void printDeadLetters(JsonNode body, PrintWriter out) {
        JsonNode letters = body.path("deadLetters");
        out.printf("%d dead letter(s) in %s, oldest first%n", letters.size(), body.path("queue").asText());
        for (JsonNode letter : letters) {
            out.printf("%s  %s  after %d attempt(s): %s%n  payload: %s%n", letter.path("deadLetteredAt").asText(),
                    letter.path("id").asText(), letter.path("attempts").asInt(), letter.path("lastError").asText(),
                    letter.path("payload").asText());
        }
    }
}
