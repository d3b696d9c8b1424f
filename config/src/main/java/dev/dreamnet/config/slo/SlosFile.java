package dev.dreamnet.config.slo;

import dev.dreamnet.config.internal.ContentHash;
import dev.dreamnet.config.overload.OverloadFile;
import dev.dreamnet.config.yaml.ConfigException;
import dev.dreamnet.config.yaml.Problems;
import dev.dreamnet.config.yaml.Section;
import dev.dreamnet.config.yaml.YamlDocument;
import dev.dreamnet.core.slo.Slo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads {@code config/slos.yaml}:
 *
 * <pre>{@code
 * window: 30d                     # the default window of every objective (1h to 90d; "30d", "720h" or "P30D")
 * gateRollouts: true              # a rollout does not promote while its route's budget is spent
 * brownoutOnPage: false           # a PAGE-level burn enters brownout (audited)
 * slos:
 *   dream-reads:
 *     routes: ["GET /api/dreams/{id}", "GET /api/dreams"]
 *     objective: 99.9             # a percentage of requests that must be good
 *   dream-reads-fast:
 *     routes: ["GET /api/dreams/{id}"]
 *     objective: 99
 *     latency: 250ms              # a bucket bound of the request histogram
 *     window: 7d
 * }</pre>
 *
 * An objective without {@code latency} is about availability (good: not a 5xx). Every problem is reported at once as
 * {@code file:line: path: what is wrong}. Stateless and thread-safe.
 */
public final class SlosFile {

    private static final List<String> TOP_KEYS = List.of("window", "gateRollouts", "brownoutOnPage", "slos");
    private static final List<String> SLO_KEYS = List.of("routes", "objective", "latency", "window");
    private static final Pattern DAYS = Pattern.compile("(\\d{1,3})d");
    private static final Duration MAX_WINDOW = Duration.ofDays(90);

    private SlosFile() {
    }

    /** Reads and validates the file at {@code file}. @throws ConfigException listing every problem found */
    public static SlosConfig load(Path file) throws ConfigException {
        byte[] bytes = YamlDocument.read(file);
        return read(YamlDocument.parse(file.toString(), bytes), bytes);
    }

    /** Validates YAML text that came from {@code source}. @throws ConfigException listing every problem found */
    public static SlosConfig parse(String source, String yaml) throws ConfigException {
        return read(YamlDocument.parse(source, yaml), yaml.getBytes(StandardCharsets.UTF_8));
    }

    private static SlosConfig read(YamlDocument document, byte[] bytes) throws ConfigException {
        Problems problems = new Problems(document);
        Section root = Section.root(document, problems);
        root.allowOnly(TOP_KEYS);
        Duration window = window(root).orElse(Slo.DEFAULT_WINDOW);
        Section slos = root.section("slos");
        List<Slo> read = new ArrayList<>();
        for (String name : slos.keys()) {
            slo(slos, name, window).ifPresent(read::add);
        }
        boolean gate = root.bool("gateRollouts").orElse(true);
        boolean brownout = root.bool("brownoutOnPage").orElse(false);
        problems.throwIfAny();
        return new SlosConfig(read, gate, brownout, ContentHash.versionOf(bytes));
    }

    private static Optional<Slo> slo(Section slos, String name, Duration defaultWindow) {
        if (!Slo.NAME.matcher(name).matches()) {
            slos.problem(name, "a name is lower-case letters, digits, \"-\" and \"_\", starting with a letter");
            return Optional.empty();
        }
        Section slo = slos.section(name);
        if (!slo.isPresent()) {
            slos.problem(name, "must be a map with routes and objective");
            return Optional.empty();
        }
        slo.allowOnly(SLO_KEYS);
        boolean complete = slo.require("routes") & slo.require("objective");
        Optional<List<String>> routes = slo.strings("routes");
        routes.ifPresent(list -> checkRoutes(slo, list));
        Optional<Double> objective = slo.percentage("objective");
        Optional<Duration> latency = slo.duration("latency", Duration.ofSeconds(10));
        Optional<Duration> window = window(slo);
        if (!complete || routes.isEmpty() || objective.isEmpty() || (slo.has("latency") && latency.isEmpty())
                || (slo.has("window") && window.isEmpty())) {
            return Optional.empty();
        }
        if (objective.get() >= 100) {
            slo.problem("objective", "must be below 100: a 100% objective leaves no error budget");
            return Optional.empty();
        }
        try {
            return Optional.of(new Slo(name, latency.isPresent() ? Slo.Kind.LATENCY : Slo.Kind.AVAILABILITY,
                    routes.get(), new java.math.BigDecimal(Double.toString(objective.get())).movePointLeft(2).doubleValue(), latency.orElse(null), window.orElse(defaultWindow)));
        } catch (IllegalArgumentException e) {
            slo.problem(e.getMessage().startsWith("latency") ? "latency" : e.getMessage().startsWith("window")
                    ? "window" : "routes", e.getMessage());
            return Optional.empty();
        }
    }

    private static void checkRoutes(Section slo, List<String> routes) {
        for (int i = 0; i < routes.size(); i++) {
            if (!OverloadFile.ROUTE.matcher(routes.get(i)).matches()) {
                slo.problem("routes", i, "a route is a method in capitals, one space and a path template, such as "
                        + "\"GET /api/dreams/{id}\"");
            }
        }
    }

    /** A window in days ({@code 30d}) or any duration the files accept. */
    private static Optional<Duration> window(Section section) {
        Optional<String> text = section.has("window") ? section.string("window") : Optional.empty();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Matcher days = DAYS.matcher(text.get().strip());
        Duration window = days.matches() ? Duration.ofDays(Long.parseLong(days.group(1)))
                : section.duration("window", MAX_WINDOW).orElse(null);
        if (window == null) {
            return Optional.empty();
        }
        if (window.compareTo(Duration.ofHours(1)) < 0 || window.compareTo(MAX_WINDOW) > 0
                || window.toSeconds() % 60 != 0) {
            section.problem("window", "must be whole minutes between 1h and 90d, was " + text.get());
            return Optional.empty();
        }
        return Optional.of(window);
    }
}
