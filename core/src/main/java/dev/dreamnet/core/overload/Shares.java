package dev.dreamnet.core.overload;

import dev.dreamnet.core.flags.Mode;
import java.util.Objects;

/**
 * The part of the concurrency limit each {@link Criticality} may fill: a request is admitted only
 * while the requests in flight (of every class) number fewer than {@code limit x share} of its
 * class. So as load rises SHEDDABLE work is refused first, DEFAULT next and CRITICAL last. Immutable.
 *
 * @param sheddable    share of the limit SHEDDABLE requests may fill, in [0, defaultShare]
 * @param defaultShare share DEFAULT requests may fill, in [sheddable, critical]
 * @param critical     share CRITICAL requests may fill, in (0, 1]
 */
public record Shares(double sheddable, double defaultShare, double critical) {

    public Shares {
        if (!(critical > 0 && critical <= 1)) {
            throw new IllegalArgumentException("critical share must be > 0 and <= 1, was " + critical);
        }
        if (!(defaultShare >= 0 && defaultShare <= critical)) {
            throw new IllegalArgumentException("default share must be >= 0 and <= the critical share ("
                    + critical + "), was " + defaultShare);
        }
        if (!(sheddable >= 0 && sheddable <= defaultShare)) {
            throw new IllegalArgumentException("sheddable share must be >= 0 and <= the default share ("
                    + defaultShare + "), was " + sheddable);
        }
    }

    /**
     * The shares used in {@code mode} unless configured otherwise. NORMAL: sheddable 50%, default
     * 90%, critical 100%. BROWNOUT: 25%, 75%, 100%. EMERGENCY: sheddable refused, default 50%,
     * critical 100%.
     */
    public static Shares defaults(Mode mode) {
        return switch (Objects.requireNonNull(mode, "mode must not be null")) {
            case NORMAL -> new Shares(0.5, 0.9, 1.0);
            case BROWNOUT -> new Shares(0.25, 0.75, 1.0);
            case EMERGENCY -> new Shares(0.0, 0.5, 1.0);
        };
    }

    /** The share of {@code criticality}. */
    public double of(Criticality criticality) {
        return switch (criticality) {
            case CRITICAL -> critical;
            case DEFAULT -> defaultShare;
            case SHEDDABLE -> sheddable;
        };
    }

    /** How many requests may be in flight when one of {@code criticality} arrives: floor(limit x share). */
    public int allowed(Criticality criticality, int limit) {
        // The epsilon keeps 100 x 0.29 from flooring to 28.
        return (int) Math.floor(limit * of(criticality) + 1e-9);
    }
}
