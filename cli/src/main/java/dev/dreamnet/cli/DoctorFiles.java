package dev.dreamnet.cli;

import dev.dreamnet.config.overload.OverloadFile;
import dev.dreamnet.config.reload.Loader;
import dev.dreamnet.config.resilience.ResilienceSettings;
import dev.dreamnet.config.slo.SlosFile;
import dev.dreamnet.config.yaml.ConfigException;
import dev.dreamnet.config.yaml.ConfigProblem;
import dev.dreamnet.core.queue.QueueSpec;
import dev.dreamnet.core.startup.GraphValidationException;
import dev.dreamnet.reference.Preflight;
import dev.dreamnet.reference.agents.Agent;
import dev.dreamnet.reference.queues.DreamEvents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The configuration checks of {@code dreamnet doctor}: each file is checked by the server's own {@link Preflight}. Stateless. */
final class DoctorFiles {

    private DoctorFiles() {
    }

    static DoctorCheck graph(Path file) {
        try {
            return DoctorCheck.ok(file.toString(), DagCommand.load(file).size() + " services, valid");
        } catch (GraphValidationException e) {
            return DoctorCheck.fail(file.toString(), firstOf(e.problems().stream().map(Object::toString).toList()));
        }
    }

    static DoctorCheck flags(Path file) {
        return optional(file, "feature flags", "every flag off", Preflight::flags,
                flags -> flags.flags().size() + " flags, valid");
    }

    static DoctorCheck overload(Path file) {
        return optional(file, "overload", "no limit on the routes", OverloadFile::load, config -> config.enabled()
                ? config.routes().size() + " route classes, valid" : "valid, protection off");
    }

    static DoctorCheck slos(Path file) {
        return optional(file, "SLOs", "no objectives", SlosFile::load,
                slos -> slos.slos().size() + " objectives, valid");
    }

    /** A file serve reads when it is given: loaded as serve loads it, and {@code valid} says what it holds. */
    private static <T> DoctorCheck optional(Path file, String subject, String without, Loader<T> load,
                                            Function<T, String> valid) {
        if (file == null) {
            return DoctorCheck.ok(subject, "no file configured, " + without);
        }
        try {
            return DoctorCheck.ok(file.toString(), valid.apply(load.load(file)));
        } catch (ConfigException e) {
            return DoctorCheck.fail(file.toString(), problems(e));
        }
    }

    /** Checks the resilience file; returns the settings too, for the provider check, or null. */
    static Map.Entry<DoctorCheck, ResilienceSettings> resilience(Path file) {
        if (file == null) {
            return Map.entry(DoctorCheck.ok("resilience", "no file configured, built-in defaults"), ResilienceSettings.of(List.of()));
        }
        try {
            ResilienceSettings settings = Preflight.resilience(file);
            return Map.entry(DoctorCheck.ok(file.toString(), settings.services().size() + " services, valid"), settings);
        } catch (ConfigException e) {
            return Map.entry(DoctorCheck.fail(file.toString(), problems(e)), ResilienceSettings.of(List.of()));
        }
    }

    /** The queues file is valid and declares every agent's queue. */
    static List<DoctorCheck> queues(Path file) {
        if (file == null) {
            return List.of(DoctorCheck.ok("queues", "no file configured, no queue declared"));
        }
        try {
            List<String> names = Preflight.queues(file).stream().map(QueueSpec::name).toList();
            DoctorCheck valid = DoctorCheck.ok(file.toString(), names.size() + " queues, valid");
            List<String> missing = Agent.NAMES.stream().map(a -> DreamEvents.PREFIX + a).filter(q -> !names.contains(q)).toList();
            return List.of(valid, missing.isEmpty()
                    ? DoctorCheck.ok("agent queues", "every agent's queue is declared (" + String.join(", ", Agent.NAMES) + ")")
                    : DoctorCheck.fail("agent queues", "not declared in " + file + ": " + String.join(", ", missing)));
        } catch (ConfigException e) {
            return List.of(DoctorCheck.fail(file.toString(), problems(e)));
        }
    }

    /** An admin token is configured: in the variable, or in a readable file holding at least one. */
    static DoctorCheck adminToken(String variable, Path file) {
        if (variable != null && !variable.isBlank()) {
            return DoctorCheck.ok("admin token", "set in DREAMNET_ADMIN_TOKENS");
        }
        if (file == null) {
            return DoctorCheck.fail("admin token", "none configured: set DREAMNET_ADMIN_TOKENS_FILE (or DREAMNET_ADMIN_TOKENS);"
                    + " every admin write would be refused");
        }
        try {
            int count = new TokenFile(file).tokens().size();
            return !Files.isRegularFile(file) ? DoctorCheck.fail("admin token", file + " does not exist")
                    : count == 0 ? DoctorCheck.fail("admin token", file + " holds no token")
                    : DoctorCheck.ok("admin token", count + " token(s) in " + file);
        } catch (IOException e) {
            return DoctorCheck.fail("admin token", file + " is not readable: " + e.getClass().getSimpleName());
        }
    }

    private static String problems(ConfigException e) {
        return firstOf(e.problems().stream().map(ConfigProblem::toString).toList());
    }

    private static String firstOf(List<String> problems) {
        String first = MigrationDatabase.firstLine(problems.get(0));
        return problems.size() == 1 ? first : first + " (and " + (problems.size() - 1) + " more problems)";
    }
}
