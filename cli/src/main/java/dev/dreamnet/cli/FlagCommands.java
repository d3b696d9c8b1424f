package dev.dreamnet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Iterator;
import java.util.LinkedHashMap;
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

/**
 * Flags, modes, kill switches and agents on a running server: {@code dreamnet flags},
 * {@code flag NAME on|off|clear}, {@code brownout|emergency on|off --reason R}, {@code safe-mode|write-drain on|off},
 * {@code agent quarantine|release NAME}.
 */
final class FlagCommands {

    static final String BASE = "api/integration-flags";
    /** The fields of the flags document, which every read and change answers. */
    static final List<String> FIELDS = List.of("state", "flags");

    private FlagCommands() {
    }

    /** on or off. */
    static final class OnOff implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("on", "off").iterator();
        }
    }

    static boolean on(CommandSpec spec, String value) {
        if (!"on".equals(value) && !"off".equals(value)) {
            throw new ParameterException(spec.commandLine(), "expected on or off, was \"" + value + "\"");
        }
        return "on".equals(value);
    }

    /** Prints the state after a change: mode, kill switches, quarantined agents. */
    static void printState(PrintWriter out, JsonNode body) {
        JsonNode s = body.path("state");
        out.printf("mode %s, safe mode %s, write drain %s, quarantined agents %s (config %s)%n",
                s.path("mode").asText(), onOff(s.path("safeMode")), onOff(s.path("writeDrain")),
                s.path("quarantinedAgents").toString(), body.path("configVersion").asText());
    }

    private static String onOff(JsonNode value) {
        return value.asBoolean() ? "ON" : "off";
    }

    @Command(name = "flags", mixinStandardHelpOptions = true,
            description = "Show every flag with its effective value and the rule that decided it, the mode and kill switches.")
    static final class Show extends ReadCommand {
        @Override
        String path() {
            return BASE;
        }

        @Override
        List<String> fields() {
            return FIELDS;
        }

        @Override
        void print(JsonNode body, PrintWriter out) {
            printState(out, body);
            out.printf("%-24s %-8s %-9s %-17s %s%n", "FLAG", "FILE", "EFFECTIVE", "DECIDED BY", "OWNER");
            for (JsonNode f : body.path("flags")) {
                out.printf("%-24s %-8s %-9s %-17s %s%n", f.path("name").asText(), f.path("enabled").asBoolean() ? "on" : "off",
                        f.path("effective").asBoolean() ? "ON" : "OFF", f.path("decidedBy").asText(), f.path("owner").asText());
            }
            JsonNode error = body.path("reload").path("lastError");
            if (!error.isMissingNode() && !error.isNull()) {
                out.println("The flags file was refused; the last good version stays active:");
                error.path("problems").forEach(p -> out.println("  " + p.asText()));
            }
        }
    }

    /** A mode or kill switch turned {@code on|off}: brownout and emergency need a reason, switches may have one. */
    abstract static class OnOffCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ClientOptions client;

        @Parameters(index = "0", paramLabel = "on|off", completionCandidates = OnOff.class)
        String value;

        @Option(names = "--reason", description = "Why, for the audit log (required for brownout and emergency).")
        String reason;

        /** The path segment under /api/integration-flags. */
        abstract String name();

        boolean reasonRequired() {
            return false;
        }

        @Override
        public Integer call() {
            boolean enable = on(spec, value);
            if (reasonRequired() && (reason == null || reason.isBlank())) {
                throw new ParameterException(spec.commandLine(), "--reason is required: say why, for the audit log");
            }
            return Client.run(spec, () -> {
                JsonNode body = client.client().post(BASE + "/" + name() + "/" + (enable ? "enable" : "disable"),
                        reason == null ? Map.of() : Map.of("reason", reason), FIELDS);
                if (client.json) {
                    return body;
                }
                printState(spec.commandLine().getOut(), body);
                return null;
            });
        }
    }

    @Command(name = "brownout", mixinStandardHelpOptions = true,
            description = "Turn brownout on or off: flags marked `degradation: brownout` are shed.")
    static final class Brownout extends OnOffCommand {
        @Override
        String name() {
            return "brownout";
        }

        @Override
        boolean reasonRequired() {
            return true;
        }
    }

    @Command(name = "emergency", mixinStandardHelpOptions = true,
            description = "Turn emergency mode on or off: every flag not marked `degradation: kept` is shed.")
    static final class Emergency extends OnOffCommand {
        @Override
        String name() {
            return "emergency";
        }

        @Override
        boolean reasonRequired() {
            return true;
        }
    }

    @Command(name = "safe-mode", mixinStandardHelpOptions = true,
            description = "SAFE_MODE on or off: every tool use and external call is refused (the fallback answers).")
    static final class SafeMode extends OnOffCommand {
        @Override
        String name() {
            return "safe-mode";
        }
    }

    @Command(name = "write-drain", mixinStandardHelpOptions = true,
            description = "WRITE_DRAIN on or off: application writes answer 503, reads keep working.")
    static final class WriteDrain extends OnOffCommand {
        @Override
        String name() {
            return "write-drain";
        }
    }

    /** on, off or clear. */
    static final class OverrideValues implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("on", "off", "clear").iterator();
        }
    }

    @Command(name = "flag", mixinStandardHelpOptions = true,
            description = "Override one flag on or off (the modes and kill switches still win over it), or clear "
                    + "the override so the flags file decides again.")
    static final class OverrideCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ClientOptions client;

        @Parameters(index = "0", paramLabel = "NAME", description = "The flag, e.g. recommendations.")
        String name;

        @Parameters(index = "1", paramLabel = "on|off|clear", completionCandidates = OverrideValues.class)
        String value;

        @Option(names = "--reason", description = "Why, for the audit log.")
        String reason;

        @Override
        public Integer call() {
            if (!List.of("on", "off", "clear").contains(value)) {
                throw new ParameterException(spec.commandLine(), "expected on, off or clear, was \"" + value + "\"");
            }
            return Client.run(spec, () -> {
                String flag = BASE + "/flags/" + Client.segment("NAME", name);
                Map<String, Object> body = new LinkedHashMap<>();
                if (!value.equals("clear")) {
                    body.put("enabled", value.equals("on"));
                }
                if (reason != null) {
                    body.put("reason", reason);
                }
                JsonNode state = client.client().post(flag + (value.equals("clear") ? "/clear-override" : "/override"),
                        body, FIELDS);
                if (client.json) {
                    return state;
                }
                PrintWriter out = spec.commandLine().getOut();
                printState(out, state);
                for (JsonNode f : state.path("flags")) {
                    if (f.path("name").asText().equals(name)) {
                        out.printf("flag %s: %s, effective %s (decided by %s)%n", name,
                                f.path("override").isBoolean() ? "override " + onOff(f.path("override")) : "no override",
                                f.path("effective").asBoolean() ? "ON" : "OFF", f.path("decidedBy").asText());
                    }
                }
                return null;
            });
        }
    }

    @Command(name = "agent", mixinStandardHelpOptions = true,
            description = "Quarantine an agent (it stops taking work within a second) or release it.")
    static final class AgentCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ClientOptions client;

        @Parameters(index = "0", paramLabel = "quarantine|release")
        String action;

        @Parameters(index = "1", paramLabel = "NAME", description = "The agent, e.g. citadel or dronedome.")
        String name;

        @Option(names = "--reason", description = "Why, for the audit log.")
        String reason;

        @Override
        public Integer call() {
            if (!"quarantine".equals(action) && !"release".equals(action)) {
                throw new ParameterException(spec.commandLine(), "expected quarantine or release, was \"" + action + "\"");
            }
            return Client.run(spec, () -> {
                JsonNode body = client.client().post(BASE + "/agents/" + Client.segment("NAME", name) + "/" + action,
                        reason == null ? Map.of() : Map.of("reason", reason), FIELDS);
                if (client.json) {
                    return body;
                }
                printState(spec.commandLine().getOut(), body);
                return null;
            });
        }
    }
}
