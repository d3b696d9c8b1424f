package dev.dreamnet.config.resilience;

import dev.dreamnet.config.internal.Text;
import dev.dreamnet.config.yaml.ConfigException;
import dev.dreamnet.config.yaml.Problems;
import dev.dreamnet.config.yaml.Section;
import dev.dreamnet.config.yaml.YamlDocument;
import dev.dreamnet.core.breaker.CircuitBreakerConfig;
import dev.dreamnet.core.retry.RetryConfig;
import dev.dreamnet.core.text.DidYouMean;
import dev.dreamnet.core.time.DurationSyntax;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Loads {@code config/resilience.yaml}: a circuit breaker and retry settings for each downstream
 * service under {@code services}, each setting taken from the service if it has it, else from
 * {@code defaults}, else from the core's defaults; and a service's own bulkhead, throttle and hedge
 * settings ({@link OutboundReader}), which {@code defaults} cannot set. Every problem is reported at once, one line
 * each, as {@code file:line: path: what is wrong}; nothing but a {@link ConfigException} leaves,
 * whatever the input. Stateless and thread-safe.
 */
public final class ResilienceFile {

    /** The longest duration any setting accepts: a day, far beyond any sensible wait. */
    public static final Duration MAX_DURATION = Duration.ofDays(1);

    private static final List<String> TOP_KEYS = List.of("defaults", "services");
    private static final List<String> DEFAULT_KEYS = List.of("breaker", "retry", "timeout");
    private static final List<String> SERVICE_KEYS =
            List.of("breaker", "retry", "timeout", "baseUrl", "bulkhead", "throttle", "hedge");
    private static final Pattern SERVICE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private ResilienceFile() {
    }

    /**
     * Reads and validates the file at {@code file}; problems name it as given.
     *
     * @throws ConfigException listing every problem found, including a file that cannot be read
     */
    public static ResilienceSettings load(Path file) throws ConfigException {
        return read(YamlDocument.load(file), List.of());
    }

    /**
     * As {@link #load(Path)}, for a caller that calls exactly {@code downstreams}: any other name under
     * {@code services} is refused (a typo would otherwise leave a downstream unconfigured), and one
     * the file does not name takes every setting from {@code defaults}.
     *
     * @throws ConfigException listing every problem found, including a file that cannot be read
     */
    public static ResilienceSettings load(Path file, Collection<String> downstreams) throws ConfigException {
        return read(YamlDocument.load(file), List.copyOf(downstreams));
    }

    /**
     * Validates YAML text that came from {@code source}, which every problem names.
     *
     * @throws ConfigException listing every problem found
     */
    public static ResilienceSettings parse(String source, String yaml) throws ConfigException {
        return read(YamlDocument.parse(source, yaml), List.of());
    }

    /**
     * As {@link #parse(String, String)}, for a caller that calls exactly {@code downstreams}.
     *
     * @throws ConfigException listing every problem found
     */
    public static ResilienceSettings parse(String source, String yaml, Collection<String> downstreams)
            throws ConfigException {
        return read(YamlDocument.parse(source, yaml), List.copyOf(downstreams));
    }

    /** Reads the document; a non-empty {@code downstreams} is every name {@code services} may hold. */
    private static ResilienceSettings read(YamlDocument document, List<String> downstreams) throws ConfigException {
        Problems problems = new Problems(document);
        Section root = Section.root(document, problems);
        root.allowOnly(TOP_KEYS);
        Section defaults = root.section("defaults");
        defaults.allowOnly(DEFAULT_KEYS);
        int mark = problems.count();
        service("defaults", Layers.of(defaults, problems), Optional.empty(), OutboundSettings.NONE);
        boolean defaultsValid = problems.count() == mark;
        Section services = root.section("services");
        if (root.require("services") && services.isPresent() && services.keys().isEmpty()) {
            services.problem("must name at least one service");
        }
        List<ServiceSettings> settings = new ArrayList<>();
        for (String name : services.keys()) {
            Section service = services.section(name);
            if (!SERVICE_NAME.matcher(name).matches()) {
                service.problem("a service name is 1 to 64 letters, digits, \".\", \"_\" or \"-\", "
                        + "starting with a letter or digit");
                continue;
            }
            if (!downstreams.isEmpty() && !downstreams.contains(name)) {
                service.problem(unknownDownstream(name, downstreams));
                continue;
            }
            service.allowOnly(SERVICE_KEYS);
            service(name, Layers.of(service, defaults, problems, defaultsValid), url(service),
                    OutboundReader.read(service)).ifPresent(settings::add);
        }
        for (String name : downstreams) {
            if (!services.has(name)) {
                // As if the file said "name: {}": every setting from the defaults.
                service(name, Layers.of(services.section(name), defaults, problems, defaultsValid), Optional.empty(),
                        OutboundSettings.NONE).ifPresent(settings::add);
            }
        }
        problems.throwIfAny();
        return ResilienceSettings.of(settings);
    }

    private static String unknownDownstream(String name, List<String> downstreams) {
        String suggestion = DidYouMean.suggest(name, downstreams);
        return "unknown downstream " + Text.quote(name)
                + (suggestion.isEmpty() ? " (known: " + String.join(", ", downstreams) + ")" : suggestion);
    }

    private static Optional<ServiceSettings> service(String name, Layers service, Optional<URI> baseUrl,
                                                     OutboundSettings outbound) {
        Optional<CircuitBreakerConfig> breaker = BreakerReader.read(service.section("breaker"));
        Optional<RetryConfig> retry = RetryReader.read(service.section("retry"));
        Optional<Duration> timeout = service.pick("timeout", ResilienceFile::duration);
        return breaker.isPresent() && retry.isPresent()
                ? Optional.of(new ServiceSettings(name, breaker.get(), retry.get(), timeout, baseUrl, outbound))
                : Optional.empty();
    }

    private static Optional<URI> url(Section service) {
        return service.string("baseUrl").flatMap(text -> {
            try {
                URI uri = new URI(text);
                if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                    return Optional.of(uri);
                }
            } catch (URISyntaxException e) {
                // Reported below, in the same words as a URL of the wrong kind.
            }
            service.problem("baseUrl", "must be an http or https URL such as \"http://127.0.0.1:5000/stub-provider\", "
                    + "was " + Text.quote(text));
            return Optional.empty();
        });
    }

    /** A duration in (0, {@link #MAX_DURATION}]. */
    static Optional<Duration> duration(Section section, String key) {
        return section.duration(key, MAX_DURATION);
    }

    /** A whole number of seconds in [1s, {@code max}]. */
    static Optional<Duration> wholeSeconds(Section section, String key, Duration max) {
        return section.duration(key, max).filter(duration -> {
            if (duration.getNano() != 0) {
                section.problem(key, "must be whole seconds, was " + DurationSyntax.format(duration));
            }
            return duration.getNano() == 0;
        });
    }
}
