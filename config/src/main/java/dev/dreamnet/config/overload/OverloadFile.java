package dev.dreamnet.config.overload;

import dev.dreamnet.config.internal.ContentHash;
import dev.dreamnet.config.yaml.ConfigException;
import dev.dreamnet.config.yaml.Problems;
import dev.dreamnet.config.yaml.Section;
import dev.dreamnet.config.yaml.YamlDocument;
import dev.dreamnet.core.flags.Mode;
import dev.dreamnet.core.overload.AdaptiveLimitConfig;
import dev.dreamnet.core.overload.Criticality;
import dev.dreamnet.core.overload.Shares;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Loads {@code config/overload.yaml}; every setting is optional, with {@link OverloadConfig#ofDefaults()}'s value:
 *
 * <pre>{@code
 * enabled: true
 * limit: { initial: 20, min: 4, max: 1000, smoothing: 0.2, rttTolerance: 1.5, longWindow: 200,
 *          sampleWindow: 250ms, minSamples: 10, dropBackoff: 0.9 }
 * shares:
 *   brownout: { sheddable: 0.25, default: 0.75, critical: 1 }
 * criticality:
 *   default: default
 *   header: X-DreamNet-Criticality      # or none
 *   routes:
 *     GET /api/dreams: sheddable
 *     POST /api/dreams: critical
 * maxWait: 20ms
 * autoBrownout: { enabled: true, enterAfter: 10s, exitAfter: 30s, fleetWide: false,
 *                 latency: { GET /api/dreams: 250ms } }
 * }</pre>
 *
 * Every problem is reported at once, one line each, as {@code file:line: path: what is wrong}; nothing but a
 * {@link ConfigException} leaves, whatever the input. Stateless and thread-safe.
 */
public final class OverloadFile {

    private static final List<String> TOP_KEYS = List.of("enabled", "limit", "shares", "criticality", "maxWait",
            "autoBrownout");
    private static final List<String> LIMIT_KEYS = List.of("initial", "min", "max", "smoothing", "rttTolerance",
            "longWindow", "sampleWindow", "minSamples", "dropBackoff");
    private static final List<String> SHARE_KEYS = List.of("sheddable", "default", "critical");
    private static final List<String> CRITICALITY_KEYS = List.of("default", "header", "routes");
    private static final List<String> BROWNOUT_KEYS = List.of("enabled", "enterAfter", "exitAfter", "latency",
            "fleetWide");
    /** A route as Javalin registers it: a method, one space, and a path template. */
    public static final Pattern ROUTE = Pattern.compile("(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) /\\S*");
    private static final Pattern HEADER = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Map<String, Criticality> CLASSES = classes();
    private static final Duration HOUR = Duration.ofHours(1);

    private OverloadFile() {
    }

    /**
     * Reads and validates the file at {@code file}; problems name it as given.
     *
     * @throws ConfigException listing every problem found, including a file that cannot be read
     */
    public static OverloadConfig load(Path file) throws ConfigException {
        byte[] bytes = YamlDocument.read(file);
        return read(YamlDocument.parse(file.toString(), bytes), bytes);
    }

    /**
     * Validates YAML text that came from {@code source}, which every problem names.
     *
     * @throws ConfigException listing every problem found
     */
    public static OverloadConfig parse(String source, String yaml) throws ConfigException {
        return read(YamlDocument.parse(source, yaml), yaml.getBytes(StandardCharsets.UTF_8));
    }

    private static OverloadConfig read(YamlDocument document, byte[] bytes) throws ConfigException {
        Problems problems = new Problems(document);
        Section root = Section.root(document, problems);
        root.allowOnly(TOP_KEYS);
        OverloadConfig.Builder config = OverloadConfig.builder().version(ContentHash.versionOf(bytes));
        root.bool("enabled").ifPresent(config::enabled);
        limit(root.section("limit")).ifPresent(config::limit);
        shares(root.section("shares"), config);
        criticality(root.section("criticality"), config);
        root.duration("maxWait", OverloadConfig.MAX_WAIT).ifPresent(config::maxWait);
        brownout(root.section("autoBrownout")).ifPresent(config::brownout);
        problems.throwIfAny();
        return config.build();
    }

    private static Optional<AdaptiveLimitConfig> limit(Section limit) {
        if (!limit.isPresent()) {
            return Optional.empty();
        }
        limit.allowOnly(LIMIT_KEYS);
        AdaptiveLimitConfig.Builder builder = AdaptiveLimitConfig.builder();
        int max = AdaptiveLimitConfig.MAX_LIMIT;
        boolean valid = read(limit, "initial", limit.integer("initial", 1, max), builder::initialLimit)
                & read(limit, "min", limit.integer("min", 1, max), builder::minLimit)
                & read(limit, "max", limit.integer("max", 1, max), builder::maxLimit)
                & read(limit, "smoothing", limit.number("smoothing", 0.001, 1), builder::smoothing)
                & read(limit, "rttTolerance", limit.number("rttTolerance", 1, 100), builder::rttTolerance)
                & read(limit, "longWindow", limit.integer("longWindow", 1, 100_000), builder::longWindow)
                & read(limit, "sampleWindow", limit.duration("sampleWindow", HOUR), builder::sampleWindow)
                & read(limit, "minSamples", limit.integer("minSamples", 1, 1_000_000), builder::minSamples)
                & read(limit, "dropBackoff", limit.number("dropBackoff", 0.01, 0.99), builder::dropBackoff);
        // The record names its settings initialLimit, minLimit and maxLimit; the file says initial, min and max.
        return valid ? built(limit, () -> {
            try {
                return builder.build();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage().replace("initialLimit", "initial")
                        .replace("minLimit", "min").replace("maxLimit", "max"), e);
            }
        }) : Optional.empty();
    }

    private static void shares(Section shares, OverloadConfig.Builder config) {
        if (!shares.isPresent()) {
            return;
        }
        shares.allowOnly(List.of("normal", "brownout", "emergency"));
        for (Mode mode : Mode.values()) {
            Section of = shares.section(mode.name().toLowerCase(Locale.ROOT));
            if (!of.isPresent()) {
                continue;
            }
            of.allowOnly(SHARE_KEYS);
            Shares defaults = Shares.defaults(mode);
            Optional<Double> sheddable = of.number("sheddable", 0, 1);
            Optional<Double> normal = of.number("default", 0, 1);
            Optional<Double> critical = of.number("critical", 0, 1);
            boolean valid = (sheddable.isPresent() || !of.has("sheddable")) && (normal.isPresent() || !of.has("default"))
                    && (critical.isPresent() || !of.has("critical"));
            if (valid) {
                built(of, () -> new Shares(sheddable.orElse(defaults.sheddable()),
                        normal.orElse(defaults.defaultShare()), critical.orElse(defaults.critical())))
                        .ifPresent(modeShares -> config.shares(mode, modeShares));
            }
        }
    }

    private static void criticality(Section criticality, OverloadConfig.Builder config) {
        if (!criticality.isPresent()) {
            return;
        }
        criticality.allowOnly(CRITICALITY_KEYS);
        criticality.oneOf("default", CLASSES).ifPresent(config::defaultClass);
        criticality.string("header").ifPresent(header -> {
            if (header.equals("none")) {
                config.header(null);
            } else if (HEADER.matcher(header).matches()) {
                config.header(header);
            } else {
                criticality.problem("header", "must be a header name (letters, digits and \"-\") or none, was \""
                        + header + "\"");
            }
        });
        Section routes = criticality.section("routes");
        for (String route : routes.keys()) {
            if (route(routes, route)) {
                routes.oneOf(route, CLASSES).ifPresent(c -> config.route(route, c));
            }
        }
    }

    private static Optional<OverloadConfig.AutoBrownout> brownout(Section brownout) {
        if (!brownout.isPresent()) {
            return Optional.empty();
        }
        brownout.allowOnly(BROWNOUT_KEYS);
        OverloadConfig.AutoBrownout defaults = OverloadConfig.AutoBrownout.ofDefaults();
        Map<String, Duration> latency = new LinkedHashMap<>();
        Section bounds = brownout.section("latency");
        for (String route : bounds.keys()) {
            if (route(bounds, route)) {
                bounds.duration(route, Duration.ofMinutes(1)).ifPresent(bound -> latency.put(route, bound));
            }
        }
        return Optional.of(new OverloadConfig.AutoBrownout(brownout.bool("enabled").orElse(defaults.enabled()),
                brownout.duration("enterAfter", HOUR).orElse(defaults.enterAfter()),
                brownout.duration("exitAfter", HOUR).orElse(defaults.exitAfter()), latency,
                brownout.bool("fleetWide").orElse(defaults.fleetWide())));
    }

    private static boolean route(Section section, String route) {
        if (ROUTE.matcher(route).matches()) {
            return true;
        }
        section.problem(route, "a route is a method in capitals, one space and a path template, such as "
                + "\"GET /api/dreams\"");
        return false;
    }

    /** Applies a value that was read; false if the setting is there but wrong (a problem is recorded). */
    private static <T> boolean read(Section section, String key, Optional<T> value, Consumer<T> apply) {
        value.ifPresent(apply);
        return value.isPresent() || !section.has(key);
    }

    /** Builds a value whose parts were each valid; a rule across them (min <= max) becomes a problem here. */
    private static <T> Optional<T> built(Section section, java.util.function.Supplier<T> build) {
        try {
            return Optional.of(build.get());
        } catch (IllegalArgumentException e) {
            section.problem(e.getMessage());
            return Optional.empty();
        }
    }

    private static Map<String, Criticality> classes() {
        Map<String, Criticality> classes = new LinkedHashMap<>();
        for (Criticality c : Criticality.values()) {
            classes.put(c.name().toLowerCase(Locale.ROOT), c);
            classes.put(c.name(), c);
        }
        return Map.copyOf(classes);
    }
}
