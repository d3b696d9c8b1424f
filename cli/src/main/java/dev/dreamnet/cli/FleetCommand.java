package dev.dreamnet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code dreamnet fleet}: the live instances sharing the server's database and whether they have converged. */
@Command(name = "fleet", mixinStandardHelpOptions = true,
        description = "Show every live instance sharing this server's database, the versions each runs, "
                + "and whether they have converged.")
final class FleetCommand extends ReadCommand {

    @Override
    String path() {
        return "api/observability/fleet";
    }

    @Override
    List<String> fields() {
        return List.of("converged");
    }

    @Override
    void print(JsonNode fleet, PrintWriter out) {
        JsonNode shared = fleet.path("sharedState");
        if (shared.isObject()) {
            out.println(shared.path("stale").asBoolean()
                    ? "shared state STALE since " + shared.path("staleSince").asText("start") + ": serving version "
                    + shared.path("version").asLong() + ", operator changes refused ("
                    + shared.path("lastError").asText("PostgreSQL unreachable") + ")"
                    : "shared state: following PostgreSQL at version " + shared.path("version").asLong()
                    + writesRefused(shared)
                    + (shared.path("judge").asBoolean() ? "; this instance judges rollouts" : ""));
        }
        if (fleet.path("live").isNull()) {
            out.println("fleet unknown: " + fleet.path("error").asText());
            return;
        }
        out.printf("%d live instance(s), %s%n", fleet.path("live").asInt(), fleet.path("converged").asBoolean()
                ? "converged" : "NOT converged: configuration " + fleet.path("configVersions") + ", flag state "
                + fleet.path("stateVersions") + (fleet.path("latestVersion").isNumber()
                ? ", latest " + fleet.path("latestVersion").asLong() : ""));
        out.printf("%-36s %-28s %-24s %-20s %s%n", "INSTANCE", "ADDRESS", "LAST HEARTBEAT", "CONFIG", "STATE");
        for (JsonNode i : fleet.path("instances")) {
            out.printf("%-36s %-28s %-24s %-20s %d%s%n", i.path("id").asText(), i.path("address").asText(),
                    i.path("lastHeartbeat").asText(), i.path("configVersion").asText(), i.path("stateVersion").asLong(),
                    i.path("self").asBoolean() ? "  (this one)" : "");
        }
        if (fleet.path("lastError").isTextual()) {
            out.println("this instance's last heartbeat failed: " + fleet.path("lastError").asText());
        }
    }

    /**
     * "" while the shared state can be written; otherwise why not, though connected: the database's breaker is still
     * open after an outage (until when), or an operator forced it open.
     */
    static String writesRefused(JsonNode shared) {
        if (shared.path("writable").asBoolean(true) || shared.path("stale").asBoolean()) {
            return "";
        }
        JsonNode until = shared.path("writesRefusedUntil");
        return until.isTextual()
                ? ", but operator changes are refused until " + until.asText() + " (the database's circuit breaker is open)"
                : ", but operator changes are refused: the database's circuit breaker is forced open (reset it with "
                + "dreamnet breaker reset database)";
    }
}
