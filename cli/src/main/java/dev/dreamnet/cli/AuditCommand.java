package dev.dreamnet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code dreamnet audit}: who changed what, when and why, newest first. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Show the newest operator actions from the audit log: when, who, what, on what and why "
                + "(--json for the states before and after).")
final class AuditCommand extends ReadCommand {

    /** The most entries one read returns, as the server allows. */
    static final int MAX_LIMIT = 1000;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
            description = "How many entries, 1 to " + MAX_LIMIT + " (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    String path() {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ParameterException(spec.commandLine(), "--limit must be from 1 to " + MAX_LIMIT + ", was " + limit);
        }
        return "api/observability/audit?limit=" + limit;
    }

    @Override
    List<String> fields() {
        return List.of("entries");
    }

    @Override
    void print(JsonNode body, PrintWriter out) {
        JsonNode entries = body.path("entries");
        if (entries.isEmpty()) {
            out.println("no operator actions recorded");
            return;
        }
        out.printf("%-24s %-16s %-22s %-20s %s%n", "AT", "ACTOR", "ACTION", "TARGET", "REASON");
        for (JsonNode e : entries) {
            out.printf("%-24s %-16s %-22s %-20s %s%n", e.path("at").asText(), e.path("actor").asText(),
                    e.path("action").asText(), e.path("target").asText(), e.path("reason").asText());
        }
    }
}
