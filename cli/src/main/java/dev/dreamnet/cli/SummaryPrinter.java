package dev.dreamnet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Prints {@code /api/observability/summary} for a person: what needs attention first, then each part in a line or two. */
final class SummaryPrinter {

    private SummaryPrinter() {
    }

    static void print(JsonNode s, String url, PrintWriter out) {
        JsonNode health = s.path("health");
        out.printf("DreamNet at %s: %s (%s)%s%n", url, health.path("status").asText(), health.path("reason").asText(),
                health.path("draining").asBoolean() ? ", draining" : "");
        JsonNode attention = s.path("attention");
        if (attention.isEmpty()) {
            out.println("Attention: nothing");
        } else {
            out.println("Attention:");
            attention.forEach(line -> out.println("  ! " + line.asText()));
        }
        JsonNode mode = s.path("mode");
        out.printf("Mode:       %s, safe mode %s, write drain %s, quarantined %s (config %s)%n", mode.path("mode").asText(),
                onOff(mode.path("safeMode")), onOff(mode.path("writeDrain")), list(mode.path("quarantinedAgents")),
                mode.path("configVersion").asText());
        JsonNode startup = s.path("startup");
        out.printf("Startup:    %s in %d ms, critical path %s%n", startup.path("status").asText(),
                startup.path("elapsedMs").asLong(), String.join(" -> ", texts(startup.path("criticalPath"))));
        JsonNode gates = s.path("gates");
        out.printf("Gates:      %s, %d of %d ready%n", gates.path("status").asText(), gates.path("ready").asInt(),
                gates.path("total").asInt());
        List<String> breakers = new ArrayList<>();
        s.path("breakers").forEach(b -> breakers.add(b.path("name").asText() + " " + b.path("state").asText()));
        out.println("Breakers:   " + (breakers.isEmpty() ? "none" : String.join(", ", breakers)));
        out.println("Rollouts:   " + rollouts(s.path("rollouts")));
        out.println("Fleet:      " + fleet(s.path("fleet")));
        for (JsonNode instance : s.path("fleet").path("instances")) {
            out.printf("              %s %s state %d%s%n", instance.path("id").asText(), instance.path("address").asText(),
                    instance.path("stateVersion").asLong(), instance.path("self").asBoolean() ? " (this one)" : "");
        }
        s.path("goldenSignals").fields().forEachRemaining(w -> out.println(traffic(w.getKey(), w.getValue())));
        out.println(saturation(s.path("saturation")));
        JsonNode watchdogs = s.path("watchdogs");
        List<String> readings = new ArrayList<>();
        watchdogs.path("watchdogs").forEach(r -> readings.add(r.path("name").asText() + " " + r.path("level").asText()));
        out.printf("Watchdogs:  %s (%s)%n", watchdogs.path("level").asText("?"), String.join(", ", readings));
    }

    /** {@code 1 active, 2 finished}: a rollout promoted or rolled back is no longer active. */
    static String rollouts(JsonNode all) {
        if (all.isEmpty()) {
            return "none";
        }
        int finished = 0;
        for (JsonNode rollout : all) {
            String status = rollout.path("status").asText();
            if (status.equals("PROMOTED") || status.equals("ROLLED_BACK")) {
                finished++;
            }
        }
        return (all.size() - finished) + " active" + (finished == 0 ? "" : ", " + finished + " finished");
    }

    /** One line: how many live instances, converged or not, and in fleet mode whether this one follows the shared state. */
    static String fleet(JsonNode f) {
        if (f.isMissingNode() || f.isNull()) {
            return "unknown";
        }
        JsonNode shared = f.path("sharedState");
        String following = !shared.isObject() ? "" : shared.path("stale").asBoolean()
                ? ", shared state STALE since " + shared.path("staleSince").asText("start")
                : ", shared state version " + shared.path("version").asLong() + FleetCommand.writesRefused(shared);
        if (f.path("live").isNull()) {
            return "registry unreadable" + following;
        }
        return f.path("live").asInt() + " live, " + (f.path("converged").asBoolean() ? "converged" : "NOT converged")
                + following;
    }

    static String traffic(String window, JsonNode w) {
        JsonNode errors = w.path("errors");
        JsonNode success = w.path("latency").path("success");
        long aborts = errors.path("clientAborts").asLong();
        return String.format(Locale.ROOT, "Traffic %-3s %.2f req/s, 5xx %.2f%%, 4xx %.2f%%%s, latency %s",
                window + ":", w.path("traffic").path("requestsPerSecond").asDouble(),
                errors.path("serverErrorRate").asDouble() * 100, errors.path("clientErrorRate").asDouble() * 100,
                aborts > 0 ? ", " + aborts + " client abort(s)" : "", latency(success));
    }

    static String latency(JsonNode l) {
        if (l.path("count").asLong() == 0) {
            return "no requests";
        }
        return String.format(Locale.ROOT, "p50 %s p95 %s p99 %s max %s ms", ms(l.path("p50Ms")), ms(l.path("p95Ms")),
                ms(l.path("p99Ms")), ms(l.path("maxMs")));
    }

    private static String saturation(JsonNode s) {
        JsonNode workers = s.path("workers");
        JsonNode heap = s.path("heap");
        JsonNode cpu = s.path("cpu");
        return String.format(Locale.ROOT, "Saturation: %d in flight, workers %s/%s, heap %s of %d MB, cpu %s",
                s.path("inFlight").asInt(), workers.path("busy").asText("?"), workers.path("max").asText("?"),
                percent(heap.path("utilisation")), heap.path("maxBytes").asLong() / (1024 * 1024),
                percent(cpu.path("process")));
    }

    static String ms(JsonNode value) {
        return value.isNumber() ? String.format(Locale.ROOT, "%.1f", value.asDouble()) : "-";
    }

    static String percent(JsonNode ratio) {
        return ratio.isNumber() ? String.format(Locale.ROOT, "%.0f%%", ratio.asDouble() * 100) : "?";
    }

    private static String onOff(JsonNode value) {
        return value.asBoolean() ? "ON" : "off";
    }

    private static String list(JsonNode array) {
        return array.isEmpty() ? "none" : String.join(", ", texts(array));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
