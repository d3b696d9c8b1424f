package dev.dreamnet.core.overload;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Caps hedges at a share of calls, like a token bucket filled by calls rather than by time: each
 * call earns {@code share} of a token, a hedge spends a whole one, and at most {@code burst} tokens
 * are saved up. It starts empty, so the hedges granted never exceed {@code share x calls} counted so
 * far. Tokens are kept in millionths in one {@link AtomicLong}. Thread-safe, lock-free, allocation-free.
 */
public final class HedgeBudget {

    private static final long ONE = 1_000_000L;

    private final long earn;
    private final long cap;
    private final AtomicLong micros = new AtomicLong();

    /**
     * @param share each call's share of a token, in (0, 1]
     * @param burst the most tokens saved up, at least 1
     */
    public HedgeBudget(double share, int burst) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("share must be > 0 and <= 1, was " + share);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be >= 1, was " + burst);
        }
        // Rounded down, so that rounding never grants more than the share.
        this.earn = (long) Math.floor(share * ONE);
        this.cap = burst * ONE;
    }

    /** A call was made: it earns its share of a hedge. */
    public void onCall() {
        for (;;) {
            long current = micros.get();
            long next = Math.min(cap, current + earn);
            if (next == current || micros.compareAndSet(current, next)) {
                return;
            }
        }
    }

    /** Spends one hedge; false, spending nothing, when less than one is saved. */
    public boolean tryAcquire() {
        for (;;) {
            long current = micros.get();
            if (current < ONE) {
                return false;
            }
            if (micros.compareAndSet(current, current - ONE)) {
                return true;
            }
        }
    }

    /** Hedges saved up, fractions included. */
    public double tokens() {
        return micros.get() / (double) ONE;
    }
}
