package dev.dreamnet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dreamnet overload}: the adaptive concurrency limit, its shares and refusals per class, and what automatic
 * brownout is doing; {@code dreamnet overload pin|unpin --reason R} takes the mode from automatic brownout and gives
 * it back (admin token; audited).
 */
final class OverloadCommands {

    static final String VIEW = "api/observability/overload";
    /** The fields of the overload document, which the read, pin and unpin answer. */
    static final List<String> FIELDS = List.of("enabled", "mode", "automaticBrownout");

    private OverloadCommands() {
    }

    @Command(name = "overload", mixinStandardHelpOptions = true,
            subcommands = {Pin.class, Unpin.class},
            description = "Show overload protection: the limit, in flight and waiting, each class's share and "
                    + "refusals, latency, automatic brownout and its evidence, the routes' classes and the config.")
    static final class Show extends ReadCommand {
        @Override
        String path() {
            return VIEW;
        }

        @Override
        List<String> fields() {
            return FIELDS;
        }

        @Override
        void print(JsonNode body, PrintWriter out) {
            if (!body.path("enabled").asBoolean()) {
                out.println("Overload protection is off: the application's routes are not guarded "
                        + "(serve --overload FILE, or `enabled: true` in it).");
                printConfig(body, out);
                printOutbound(body.path("outbound"), out);
                return;
            }
            out.printf(Locale.ROOT, "limit %d, in flight %d, waiting %d, mode %s, admitted %d%n",
                    body.path("limit").asInt(), body.path("inflight").asInt(), body.path("waiting").asInt(),
                    body.path("mode").asText(), body.path("admitted").asLong());
            out.printf(Locale.ROOT, "latency baseline %.1f ms, last window %.1f ms%n",
                    body.path("longRttMs").asDouble(), body.path("lastRttMs").asDouble());
            printClasses(body, out);
            printAutomatic(body.path("automaticBrownout"), out);
            printRoutes(body, out);
            printConfig(body, out);
            printOutbound(body.path("outbound"), out);
        }
    }

    /** Each downstream's outbound guards: bulkhead, adaptive throttle, hedging; those not configured are left out. */
    private static void printOutbound(JsonNode outbound, PrintWriter out) {
        if (!outbound.fields().hasNext()) {
            return;
        }
        out.println("Outbound guards:");
        for (Iterator<Map.Entry<String, JsonNode>> it = outbound.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> each = it.next();
            JsonNode guards = each.getValue();
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-12s", each.getKey()));
            JsonNode bulkhead = guards.path("bulkhead");
            if (bulkhead.isObject()) {
                line.append(String.format(Locale.ROOT, " bulkhead %d/%d in use, %d refused;",
                        bulkhead.path("inUse").asInt(), bulkhead.path("maxConcurrent").asInt(),
                        bulkhead.path("refused").asLong()));
            }
            JsonNode throttle = guards.path("throttle");
            if (throttle.isObject()) {
                line.append(String.format(Locale.ROOT, " throttle %.0f%% (%d accepted of %d), %d rejected;",
                        throttle.path("probability").asDouble() * 100, throttle.path("accepts").asLong(),
                        throttle.path("requests").asLong(), throttle.path("rejected").asLong()));
            }
            JsonNode hedge = guards.path("hedge");
            if (hedge.isObject()) {
                line.append(String.format(Locale.ROOT, " hedging after %s: %d sent, %d won, %d refused by the "
                                + "budget, of %d calls;", hedge.path("delay").asText(), hedge.path("sent").asLong(),
                        hedge.path("won").asLong(), hedge.path("budgetRefused").asLong(), hedge.path("calls").asLong()));
            }
            out.println(line.substring(0, line.length() - 1));
        }
    }

    private static void printClasses(JsonNode body, PrintWriter out) {
        out.printf("%-10s %6s %8s %14s %14s%n", "CLASS", "SHARE", "ALLOWED", "REFUSED SHARE", "REFUSED LIMIT");
        for (Iterator<Map.Entry<String, JsonNode>> it = body.path("shares").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> share = it.next();
            String name = share.getKey();
            JsonNode refused = body.path("refused").path(name);
            out.printf(Locale.ROOT, "%-10s %5.0f%% %8d %14d %14d%n", name, share.getValue().asDouble() * 100,
                    body.path("allowed").path(name).asInt(), refused.path("share").asLong(),
                    refused.path("limit").asLong());
        }
        out.println("(refused share: 429, over the class's share; refused limit: 503, the whole limit in use)");
    }

    private static void printAutomatic(JsonNode a, PrintWriter out) {
        if (!a.path("enabled").asBoolean()) {
            out.println("Automatic brownout: off");
        } else {
            out.printf(Locale.ROOT, "Automatic brownout: %s%s (enters after %d s overloaded, leaves after %d s "
                            + "healthy%s)%n", a.path("state").asText(),
                    text(a, "scope") == null ? "" : " of " + text(a, "scope") + " since " + text(a, "since"),
                    a.path("enterAfterMs").asLong() / 1000, a.path("exitAfterMs").asLong() / 1000,
                    a.path("fleetWide").asBoolean() ? ", fleet-wide" : "");
        }
        if (a.path("overloadedForMs").asLong() > 0) {
            out.printf("  overloaded for %d s: %s%n", a.path("overloadedForMs").asLong() / 1000, text(a, "evidence"));
        } else if (text(a, "evidence") != null) {
            out.printf("  healthy for %d s; last evidence: %s%n", a.path("healthyForMs").asLong() / 1000,
                    text(a, "evidence"));
        }
        if (text(a, "pinnedBy") != null) {
            out.printf("  pinned by %s%s: nothing is decided automatically until `dreamnet overload unpin`%n",
                    text(a, "pinnedBy"), text(a, "pinnedReason") == null ? "" : " (" + text(a, "pinnedReason") + ")");
        }
        if (text(a, "lastDecision") != null) {
            out.printf("  last decision at %s: %s%n", text(a, "lastDecisionAt"), text(a, "lastDecision"));
        }
    }

    private static void printRoutes(JsonNode body, PrintWriter out) {
        out.printf("Routes (any other: %s; header %s; a refused request waits at most %d ms):%n",
                body.path("defaultClass").asText(), text(body, "header") == null ? "none" : text(body, "header"),
                body.path("maxWaitMs").asLong());
        for (Iterator<Map.Entry<String, JsonNode>> it = body.path("routes").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> route = it.next();
            out.printf("  %-36s %s%n", route.getKey(), route.getValue().asText());
        }
    }

    private static void printConfig(JsonNode body, PrintWriter out) {
        out.printf("Config %s%s%n", body.path("configVersion").asText(),
                text(body, "configFile") == null ? " (set in code)" : " from " + text(body, "configFile"));
        if (text(body, "reloadError") != null) {
            out.println("The overload file was refused; the last good version stays in force:");
            out.println("  " + text(body, "reloadError"));
        }
    }

    /** A field's text, or null when it is missing or null. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    /** pin and unpin: a POST with an optional reason, then the new state in one line. */
    abstract static class Change implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ClientOptions client;

        @Option(names = "--reason", description = "Why, for the audit log.")
        String reason;

        abstract String action();

        abstract void print(JsonNode body, PrintWriter out);

        @Override
        public Integer call() {
            return Client.run(spec, () -> {
                JsonNode body = client.client().post("api/admin/overload/" + action(),
                        reason == null ? Map.of() : Map.of("reason", reason), FIELDS);
                if (client.json) {
                    return body;
                }
                print(body, spec.commandLine().getOut());
                return null;
            });
        }
    }

    @Command(name = "pin", mixinStandardHelpOptions = true,
            description = "Take manual control: automatic brownout decides nothing until unpinned, on every "
                    + "instance of a fleet (admin token required; audited).")
    static final class Pin extends Change {
        @Override
        String action() {
            return "pin";
        }

        @Override
        void print(JsonNode body, PrintWriter out) {
            JsonNode a = body.path("automaticBrownout");
            out.printf("mode pinned by %s: automatic brownout decides nothing until `dreamnet overload unpin` "
                    + "(mode %s, automatic brownout %s)%n", text(a, "pinnedBy"), body.path("mode").asText(),
                    a.path("state").asText());
        }
    }

    @Command(name = "unpin", mixinStandardHelpOptions = true,
            description = "Let automatic brownout decide again, on fresh evidence (admin token required; audited).")
    static final class Unpin extends Change {
        @Override
        String action() {
            return "unpin";
        }

        @Override
        void print(JsonNode body, PrintWriter out) {
            out.printf("automatic brownout decides again (mode %s, automatic brownout %s)%n",
                    body.path("mode").asText(), body.path("automaticBrownout").path("state").asText());
        }
    }
}
