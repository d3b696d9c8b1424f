package dev.dreamnet.core.flags;

/**
 * The operator's kill switches. Immutable and thread-safe.
 *
 * @param safeMode   SAFE_MODE: every tool use and external call is refused, so every
 *                   {@linkplain FlagDefinition#external() external} flag is off
 * @param writeDrain WRITE_DRAIN: writes are rejected while reads keep working; it is enforced by
 *                   the server, not by flags, and changes no flag's value
 */
public record KillSwitches(boolean safeMode, boolean writeDrain) {

    /** Both switches off. */
    public static final KillSwitches NONE = new KillSwitches(false, false);
}
