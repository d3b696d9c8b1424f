package dev.dreamnet.config.flags;

import dev.dreamnet.config.internal.ContentHash;
import dev.dreamnet.config.internal.Text;
import dev.dreamnet.config.yaml.ConfigException;
import dev.dreamnet.config.yaml.Problems;
import dev.dreamnet.config.yaml.Section;
import dev.dreamnet.config.yaml.YamlDocument;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Loads {@code config/feature-flags.yaml}: under {@code flags}, each flag's {@code enabled},
 * {@code owner} and {@code description} (required), its {@code degradation} ({@code kept} when
 * left out), whether it is {@code external} and the {@code agent} it quarantines. Every problem is
 * reported at once, one line each, as {@code file:line: path: what is wrong}; nothing but a
 * {@link ConfigException} leaves, whatever the input. Stateless and thread-safe.
 */
public final class FlagsFile {

    private static final List<String> TOP_KEYS = List.of("flags");
    private static final List<String> FLAG_KEYS =
            List.of("enabled", "owner", "description", "degradation", "external", "agent");
    private static final Pattern FLAG_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern AGENT_NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final Map<String, String> DEGRADATIONS =
            FlagSpec.DEGRADATIONS.stream().collect(Collectors.toMap(Function.identity(), Function.identity()));

    private FlagsFile() {
    }

    /**
     * Reads and validates the file at {@code file}; problems name it as given.
     *
     * @throws ConfigException listing every problem found, including a file that cannot be read
     */
    public static FlagsConfig load(Path file) throws ConfigException {
        byte[] bytes = YamlDocument.read(file);
        return read(YamlDocument.parse(file.toString(), bytes), bytes);
    }

    /**
     * Validates YAML text that came from {@code source}, which every problem names.
     *
     * @throws ConfigException listing every problem found
     */
    public static FlagsConfig parse(String source, String yaml) throws ConfigException {
        return read(YamlDocument.parse(source, yaml), yaml.getBytes(StandardCharsets.UTF_8));
    }

    private static FlagsConfig read(YamlDocument document, byte[] bytes) throws ConfigException {
        Problems problems = new Problems(document);
        Section root = Section.root(document, problems);
        root.allowOnly(TOP_KEYS);
        Section flags = root.section("flags");
        if (root.require("flags") && flags.isPresent() && flags.keys().isEmpty()) {
            flags.problem("must name at least one flag");
        }
        List<FlagSpec> specs = new ArrayList<>();
        Map<String, FlagSpec> byLowerName = new HashMap<>();
        Map<String, FlagSpec> byAgent = new HashMap<>();
        for (String name : flags.keys()) {
            int line = document.line(flags.pathOf(name)).orElse(0);
            flag(flags, name, line).ifPresent(spec -> {
                FlagSpec same = byLowerName.putIfAbsent(name.toLowerCase(Locale.ROOT), spec);
                if (same != null) {
                    flags.problem(name, "differs only in case from flag " + Text.quote(same.name())
                            + " (line " + same.line() + "); flag names must differ in more than case");
                }
                FlagSpec sameAgent = spec.agent() == null ? null : byAgent.putIfAbsent(spec.agent(), spec);
                if (sameAgent != null) {
                    flags.section(name).problem("agent", "agent " + Text.quote(spec.agent()) + " already has flag "
                            + Text.quote(sameAgent.name()) + " (line " + sameAgent.line() + "); an agent has one flag");
                }
                specs.add(spec);
            });
        }
        problems.throwIfAny();
        return new FlagsConfig(specs, ContentHash.versionOf(bytes));
    }

    private static Optional<FlagSpec> flag(Section flags, String name, int line) {
        if (!FLAG_NAME.matcher(name).matches()) {
            flags.problem(name, "a flag name is 1 to 64 letters, digits, \".\", \"_\" or \"-\"");
            return Optional.empty();
        }
        Section flag = flags.section(name);
        if (!flag.isPresent()) {
            return Optional.empty();
        }
        flag.allowOnly(FLAG_KEYS);
        boolean complete = flag.require("enabled") & flag.require("owner") & flag.require("description");
        Optional<Boolean> enabled = flag.bool("enabled");
        Optional<String> owner = text(flag, "owner");
        Optional<String> description = text(flag, "description");
        Optional<String> degradation = flag.has("degradation")
                ? flag.oneOf("degradation", DEGRADATIONS) : Optional.of(FlagSpec.KEPT);
        Optional<Boolean> external = flag.has("external") ? flag.bool("external") : Optional.of(false);
        Optional<Optional<String>> agent = flag.has("agent") ? agent(flag).map(Optional::of) : Optional.of(Optional.empty());
        if (!complete || enabled.isEmpty() || owner.isEmpty() || description.isEmpty() || degradation.isEmpty()
                || external.isEmpty() || agent.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new FlagSpec(name, enabled.get(), owner.get(), description.get(), degradation.get(),
                external.get(), agent.get().orElse(null), line));
    }

    /** A string with something in it besides spaces. */
    private static Optional<String> text(Section flag, String key) {
        return flag.string(key).filter(value -> {
            if (value.isBlank()) {
                flag.problem(key, "must not be empty");
            }
            return !value.isBlank();
        });
    }

    private static Optional<String> agent(Section flag) {
        return flag.string("agent").filter(agent -> {
            boolean valid = AGENT_NAME.matcher(agent).matches();
            if (!valid) {
                String lower = agent.toLowerCase(Locale.ROOT);
                flag.problem("agent", "an agent name is 1 to 32 lower-case letters, digits or \"-\", starting with "
                        + "a letter, was " + Text.quote(agent)
                        + (AGENT_NAME.matcher(lower).matches() ? " (did you mean " + Text.quote(lower) + "?)" : ""));
            }
            return valid;
        });
    }
}
