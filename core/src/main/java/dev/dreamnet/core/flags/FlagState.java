package dev.dreamnet.core.flags;

import dev.dreamnet.core.flags.internal.Names;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The runtime part of flag evaluation, set by operators rather than by the configuration file: the
 * mode, the kill switches, per-flag overrides and quarantined agents. Immutable and thread-safe.
 * Every {@code with*} method returns a new state whose {@link #version()} is one higher, so a newer
 * state can always be told from an older one (see {@link Flags#swap}).
 *
 * @param mode              NORMAL, BROWNOUT or EMERGENCY
 * @param killSwitches      SAFE_MODE and WRITE_DRAIN
 * @param overrides         operator overrides by flag name; an override of an unknown flag is ignored
 * @param quarantinedAgents agents whose flags are all off
 * @param version           increases with every change; never negative
 */
public record FlagState(
        Mode mode,
        KillSwitches killSwitches,
        Map<String, Boolean> overrides,
        Set<String> quarantinedAgents,
        long version) {

    public FlagState {
        Objects.requireNonNull(mode, "mode must not be null");
        Objects.requireNonNull(killSwitches, "killSwitches must not be null");
        Objects.requireNonNull(overrides, "overrides must not be null");
        Objects.requireNonNull(quarantinedAgents, "quarantinedAgents must not be null");
        overrides.forEach((flag, value) -> {
            Names.requireValid("overrides: flag name", flag);
            Objects.requireNonNull(value, () -> "overrides: value for flag \"" + flag + "\" must not be null");
        });
        quarantinedAgents.forEach(agent -> Names.requireValid("quarantinedAgents: agent name", agent));
        if (version < 0) {
            throw new IllegalArgumentException("version must be >= 0, was " + version);
        }
        overrides = Map.copyOf(overrides);
        quarantinedAgents = Set.copyOf(quarantinedAgents);
    }

    /** NORMAL, no kill switch, no override, no quarantine, version 0. */
    public static FlagState initial() {
        return new FlagState(Mode.NORMAL, KillSwitches.NONE, Map.of(), Set.of(), 0);
    }

    public FlagState withMode(Mode newMode) {
        return new FlagState(newMode, killSwitches, overrides, quarantinedAgents, version + 1);
    }

    public FlagState withKillSwitches(KillSwitches switches) {
        return new FlagState(mode, switches, overrides, quarantinedAgents, version + 1);
    }

    /** Overrides flag {@code name} to {@code value}, whatever its configured value. */
    public FlagState withOverride(String name, boolean value) {
        Map<String, Boolean> next = new HashMap<>(overrides);
        next.put(name, value);
        return new FlagState(mode, killSwitches, next, quarantinedAgents, version + 1);
    }

    /** Removes the override of flag {@code name}, if any. */
    public FlagState withoutOverride(String name) {
        Map<String, Boolean> next = new HashMap<>(overrides);
        next.remove(name);
        return new FlagState(mode, killSwitches, next, quarantinedAgents, version + 1);
    }

    /** Quarantines ({@code true}) or releases ({@code false}) {@code agent}. */
    public FlagState withQuarantine(String agent, boolean quarantined) {
        Set<String> next = new HashSet<>(quarantinedAgents);
        if (quarantined) {
            next.add(agent);
        } else {
            next.remove(agent);
        }
        return new FlagState(mode, killSwitches, overrides, next, version + 1);
    }
}
