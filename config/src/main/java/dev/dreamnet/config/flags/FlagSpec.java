package dev.dreamnet.config.flags;

import java.util.List;
import java.util.Objects;

/**
 * One flag as {@code config/feature-flags.yaml} declares it, before any mode or kill switch is
 * applied: the server maps it to the core flag model. Immutable and thread-safe.
 *
 * @param name        the flag's name, 1 to 64 of {@code [A-Za-z0-9._-]}, such as {@code llm.calls}
 * @param enabled     the flag's value in normal mode
 * @param owner       who to call about it during an incident
 * @param description what it turns on, in plain words
 * @param degradation {@link #KEPT}, {@link #BROWNOUT} (shed at brownout and emergency) or
 *                    {@link #EMERGENCY} (shed at emergency only)
 * @param external    whether it guards calls to an external provider, which {@code SAFE_MODE} turns off
 * @param agent       the agent it quarantines when off, such as {@code citadel}, or null if none
 * @param line        the 1-based line of the flag's name in the file, or 0 when not known
 */
public record FlagSpec(String name, boolean enabled, String owner, String description, String degradation,
                       boolean external, String agent, int line) {

    /** Kept in every mode; only its own value or a kill switch turns it off. */
    public static final String KEPT = "kept";
    /** Shed (turned off) at brownout and at emergency. */
    public static final String BROWNOUT = "brownout";
    /** Shed at emergency only. */
    public static final String EMERGENCY = "emergency";
    /** Every degradation, mildest first. */
    public static final List<String> DEGRADATIONS = List.of(KEPT, BROWNOUT, EMERGENCY);

    /** Checks that no part is missing and that {@code degradation} is one of {@link #DEGRADATIONS}. */
    public FlagSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(description, "description");
        if (!DEGRADATIONS.contains(degradation)) {
            throw new IllegalArgumentException("degradation must be one of " + DEGRADATIONS + ", was " + degradation);
        }
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0, was " + line);
        }
    }
}
