package dev.dreamnet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dreamnet.config.slo.SlosFile;
import dev.dreamnet.config.yaml.ConfigException;
import dev.dreamnet.runtime.slo.PrometheusRules;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dreamnet slo}: each objective's state (OK, TICKET, PAGE), burn rates, error budget left and time to
 * exhaustion, from a running server; {@code dreamnet slo rules [FILE] [--out FILE]}: the Prometheus recording and
 * alerting rules for the objectives of a {@code slos.yaml}, written locally.
 */
final class SloCommands {

    static final String VIEW = "api/observability/slos";

    private SloCommands() {
    }

    @Command(name = "slo", mixinStandardHelpOptions = true, subcommands = {Rules.class},
            description = "Show the service level objectives: state (OK, TICKET, PAGE by the SRE Workbook's "
                    + "multiwindow burn-rate alerts), burn rate per window, error budget left and time to exhaustion, "
                    + "summed over the fleet.")
    static final class Show extends ReadCommand {
        @Override
        String path() {
            return VIEW;
        }

        @Override
        List<String> fields() {
            return List.of("slos");
        }

        @Override
        void print(JsonNode body, PrintWriter out) {
            JsonNode slos = body.path("slos");
            if (slos.isEmpty()) {
                out.println("No service level objectives (serve --slos FILE, or config/slos.yaml).");
                return;
            }
            out.printf("%-24s %-7s %8s %9s %8s %8s %8s %8s %8s %12s%n", "SLO", "STATE", "TARGET", "BUDGET", "5m",
                    "30m", "1h", "6h", "3d", "EXHAUSTED IN");
            for (JsonNode slo : slos) {
                JsonNode burn = slo.path("burnRates");
                out.printf(Locale.ROOT, "%-24s %-7s %7.3f%% %8.1f%% %7.1fx %7.1fx %7.1fx %7.1fx %7.1fx %12s%n",
                        slo.path("name").asText(), slo.path("state").asText(), slo.path("objective").asDouble() * 100,
                        slo.path("budgetRemaining").asDouble() * 100, burn.path("5m").asDouble(),
                        burn.path("30m").asDouble(), burn.path("1h").asDouble(), burn.path("6h").asDouble(),
                        burn.path("3d").asDouble(), exhaustion(slo.path("secondsToExhaustion")));
            }
            for (JsonNode slo : slos) {
                for (JsonNode firing : slo.path("firing")) {
                    out.println("  " + slo.path("name").asText() + ": " + firing.asText());
                }
            }
            out.printf("rollouts gated on spent budgets: %s; brownout on PAGE: %s%n",
                    body.path("gateRollouts").asBoolean() ? "yes" : "no",
                    body.path("brownoutOnPage").asBoolean() ? "yes" : "no");
            if (!body.path("error").isNull() && !body.path("error").isMissingNode()) {
                out.println("budget table: " + body.path("error").asText());
            }
        }

        private static String exhaustion(JsonNode seconds) {
            if (seconds.isNull() || seconds.isMissingNode()) {
                return "-";
            }
            long s = seconds.asLong();
            return s == 0 ? "spent" : s < 7200 ? s / 60 + " min" : s < 172_800 ? s / 3600 + " h" : s / 86_400 + " d";
        }
    }

    @Command(name = "rules", mixinStandardHelpOptions = true,
            description = "Write Prometheus recording and alerting rules (multiwindow, multi-burn-rate: page at 14.4x "
                    + "over 1h and 6x over 6h, ticket at 1x over 3d) for the objectives in FILE, over "
                    + "dreamnet_http_server_requests_seconds. Check them with `promtool check rules`. Exit 1 with "
                    + "one line per problem when FILE is invalid.")
    static final class Rules implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(arity = "0..1", paramLabel = "FILE", defaultValue = "config/slos.yaml",
                description = "The objectives (default: ${DEFAULT-VALUE}).")
        Path file;

        @Option(names = "--out", paramLabel = "FILE", description = "Write the rules here instead of to stdout.")
        Path out;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            try {
                String rules = PrometheusRules.of(SlosFile.load(file));
                if (out == null) {
                    spec.commandLine().getOut().print(rules);
                    spec.commandLine().getOut().flush();
                } else {
                    Files.writeString(out, rules, StandardCharsets.UTF_8);
                    err.println("wrote " + out);
                }
                return ExitCodes.OK;
            } catch (ConfigException e) {
                err.println(e.getMessage());
                return ExitCodes.CONFIG;
            } catch (IOException e) {
                err.println("dreamnet: cannot write " + out + ": " + e.getMessage());
                return ExitCodes.UNAVAILABLE;
            }
        }
    }
}
