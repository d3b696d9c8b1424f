package dev.dreamnet.core.overload.internal;

import dev.dreamnet.core.flags.Mode;
import dev.dreamnet.core.overload.Criticality;
import dev.dreamnet.core.overload.Shares;

/**
 * What the limiter admits at the moment: the limit, the mode and its shares, and, computed from
 * them once, how many requests may be in flight when one of each class arrives. Immutable; the
 * limiter publishes a new one through a single reference whenever the limit or the mode changes,
 * so the hot path reads one reference and one array element.
 */
final class Admission {

    private static final Criticality[] CLASSES = Criticality.values();

    final int limit;
    final Mode mode;
    final Shares shares;
    final long longRttNanos;
    final long lastRttNanos;
    /** Indexed by {@link Criticality#ordinal()}; never written after construction. */
    private final int[] allowed;

    Admission(int limit, Mode mode, Shares shares, long longRttNanos, long lastRttNanos) {
        this.limit = limit;
        this.mode = mode;
        this.shares = shares;
        this.longRttNanos = longRttNanos;
        this.lastRttNanos = lastRttNanos;
        this.allowed = new int[CLASSES.length];
        for (Criticality criticality : CLASSES) {
            allowed[criticality.ordinal()] = shares.allowed(criticality, limit);
        }
    }

    int allowed(Criticality criticality) {
        return allowed[criticality.ordinal()];
    }

    Admission withEstimate(int newLimit, long newLongRttNanos, long newLastRttNanos) {
        return new Admission(newLimit, mode, shares, newLongRttNanos, newLastRttNanos);
    }

    Admission withMode(Mode newMode, Shares newShares) {
        return new Admission(limit, newMode, newShares, longRttNanos, lastRttNanos);
    }
}
