package dev.dreamnet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dreamnet.core.time.Sleeper;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code dreamnet status} (the incident summary) and {@code dreamnet top} (golden signals, refreshed). */
final class StatusCommands {

    private StatusCommands() {
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "One screen for an incident: what needs attention, health, mode and kill switches, "
                    + "breakers, gates, startup, traffic, saturation and watchdogs.")
    static final class Status extends ReadCommand {
        @Override
        String path() {
            return "api/observability/summary";
        }

        @Override
        List<String> fields() {
            return List.of("health", "mode");
        }

        @Override
        void print(JsonNode summary, PrintWriter out) {
            SummaryPrinter.print(summary, client.url, out);
        }
    }

    @Command(name = "top", mixinStandardHelpOptions = true,
            description = "Golden signals overall and per route, refreshed until interrupted (Ctrl-C).")
    static final class Top implements Callable<Integer> {
        /** The shortest refresh: shorter would poll the server in a tight loop and show nothing more. */
        static final double MIN_INTERVAL = 0.05;

        @Spec
        CommandSpec spec;

        @Mixin
        ClientOptions client;

        @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "2",
                description = "Seconds between refreshes (default ${DEFAULT-VALUE}).")
        double intervalSeconds;

        @Option(names = "--iterations", paramLabel = "N", defaultValue = "0",
                description = "Stop after N refreshes; 0 (the default) runs until interrupted.")
        int iterations;

        @Option(names = "--window", paramLabel = "WINDOW", defaultValue = "1m",
                description = "Which window to show: 1m or 5m (default ${DEFAULT-VALUE}).")
        String window;

        Sleeper sleeper = Sleeper.system();

        @Override
        public Integer call() {
            if (!(intervalSeconds >= MIN_INTERVAL) || intervalSeconds > 3600) {
                throw new ParameterException(spec.commandLine(),
                        "--interval must be from " + MIN_INTERVAL + " to 3600 seconds, was " + intervalSeconds);
            }
            if (iterations < 0) {
                throw new ParameterException(spec.commandLine(), "--iterations must be >= 0, was " + iterations);
            }
            if (!window.equals("1m") && !window.equals("5m")) {
                throw new ParameterException(spec.commandLine(), "--window must be 1m or 5m, was " + window);
            }
            return Client.run(spec, () -> {
                PrintWriter out = spec.commandLine().getOut();
                for (int i = 0; iterations == 0 || i < iterations; i++) {
                    if (i > 0 && !slept()) {
                        break; // interrupted: stop quietly, as after Ctrl-C
                    }
                    JsonNode signals = client.client().get("api/observability/golden-signals",
                            List.of("overall", "routes"));
                    if (client.json) {
                        out.println(signals);
                    } else {
                        TopPrinter.print(signals, window, client.url, out, i > 0 || iterations != 1);
                    }
                    out.flush();
                }
                return null;
            });
        }

        private boolean slept() {
            try {
                sleeper.sleep(Duration.ofMillis((long) (intervalSeconds * 1000)));
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
