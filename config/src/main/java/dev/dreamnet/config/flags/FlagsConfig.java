package dev.dreamnet.config.flags;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every flag of one version of {@code config/feature-flags.yaml}, in file order. Two configs are
 * equal when they hold the same flags from the same content. Immutable and thread-safe.
 *
 * @param flags   the flags, in file order, with unique names
 * @param version the content's hash, such as {@code sha256:3f2a9c01b7e4}, so that every instance
 *                of a fleet can show which configuration it runs
 */
public record FlagsConfig(List<FlagSpec> flags, String version) {

    /** Copies {@code flags}. */
    public FlagsConfig {
        flags = List.copyOf(flags);
        Objects.requireNonNull(version, "version");
    }

    /** The flag named {@code name}, if there is one. */
    public Optional<FlagSpec> flag(String name) {
        return flags.stream().filter(flag -> flag.name().equals(name)).findFirst();
    }

    /** The flag that quarantines {@code agent} when off, if there is one. */
    public Optional<FlagSpec> agentFlag(String agent) {
        return flags.stream().filter(flag -> agent.equals(flag.agent())).findFirst();
    }
}
