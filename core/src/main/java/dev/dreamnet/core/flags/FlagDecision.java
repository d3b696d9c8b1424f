package dev.dreamnet.core.flags;

/**
 * The value of one flag and the rule that decided it, for endpoints and operators. Immutable and
 * thread-safe.
 *
 * @param name    the flag asked about
 * @param enabled its effective value
 * @param rule    the rule that decided it
 */
public record FlagDecision(String name, boolean enabled, Rule rule) {

    /**
     * The rules in order of precedence: the first that applies decides. SAFE_MODE and quarantine
     * are the kill switches; they come before the modes, which come before overrides.
     */
    public enum Rule {
        /** SAFE_MODE is on and the flag is external: off. */
        SAFE_MODE,
        /** The flag's agent is quarantined: off. */
        AGENT_QUARANTINED,
        /** EMERGENCY mode and the flag is not KEPT: off. */
        EMERGENCY,
        /** BROWNOUT mode and the flag is SHED_AT_BROWNOUT: off. */
        BROWNOUT,
        /** An operator override decided. */
        OVERRIDE,
        /** The configured {@code enabled} value decided. */
        FLAG_VALUE,
        /** No flag has this name: off. */
        UNKNOWN_FLAG
    }
}
