package dev.dreamnet.core.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter, as pure functions: the delay before retry {@code attempt}
 * (1 for the first retry) starts from {@code base}, doubles each attempt and never exceeds
 * {@code cap}; the jitter spreads callers apart so that they do not retry in lockstep.
 * Immutable and thread-safe (the random generator passed in need not be).
 *
 * @param base   the first un-jittered delay
 * @param cap    the longest delay
 * @param jitter how the delay is randomised
 */
public record Backoff(Duration base, Duration cap, Jitter jitter) {

    /** The longest cap: a day, far beyond any sensible wait, and safe from overflow in nanoseconds. */
    public static final Duration MAX_CAP = Duration.ofDays(1);

    /** How a delay is randomised under its exponential ceiling {@code min(cap, base * 2^(attempt-1))}. */
    public enum Jitter {
        /** Exactly the ceiling. */
        NONE,
        /** Uniform in [0, ceiling]. */
        FULL,
        /** Half the ceiling plus uniform in [0, half the ceiling]. */
        EQUAL,
        /** Uniform in [base, 3 * previous delay], capped; ignores the attempt number. */
        DECORRELATED
    }

    public Backoff {
        Objects.requireNonNull(base, "base must not be null");
        Objects.requireNonNull(cap, "cap must not be null");
        Objects.requireNonNull(jitter, "jitter must not be null");
        if (base.isNegative() || base.isZero()) {
            throw new IllegalArgumentException("base must be > 0, was " + base);
        }
        if (cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("cap must be >= base (" + base + "), was " + cap);
        }
        if (cap.compareTo(MAX_CAP) > 0) {
            throw new IllegalArgumentException("cap must be <= " + MAX_CAP + ", was " + cap);
        }
    }

    /** The seed's defaults: 100 ms doubling to a 3 s cap, with full jitter. */
    public static Backoff exponential() {
        return exponential(Jitter.FULL);
    }

    /** 100 ms doubling to a 3 s cap, with {@code jitter}. */
    public static Backoff exponential(Jitter jitter) {
        return new Backoff(Duration.ofMillis(100), Duration.ofSeconds(3), jitter);
    }

    /** The delay before retry {@code attempt}; for DECORRELATED as if the previous delay was {@code base}. */
    public Duration delay(int attempt, RandomGenerator random) {
        return delay(attempt, null, random);
    }

    /**
     * The delay before retry {@code attempt} (1 for the first retry). {@code previous} is the delay
     * before the previous retry, or null before the first; only DECORRELATED uses it.
     */
    public Duration delay(int attempt, Duration previous, RandomGenerator random) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be >= 1, was " + attempt);
        }
        long ceiling = ceilingNanos(attempt);
        long nanos = switch (jitter) {
            case NONE -> ceiling;
            case FULL -> random.nextLong(ceiling + 1);
            case EQUAL -> ceiling / 2 + random.nextLong(ceiling - ceiling / 2 + 1);
            case DECORRELATED -> decorrelatedNanos(previous, random);
        };
        return Duration.ofNanos(nanos);
    }

    /** {@code min(cap, base * 2^(attempt-1))}, without overflowing. */
    public long ceilingNanos(int attempt) {
        long baseNanos = base.toNanos();
        long capNanos = cap.toNanos();
        int doublings = attempt - 1;
        if (doublings >= Long.numberOfLeadingZeros(baseNanos) - 1) {
            return capNanos;
        }
        return Math.min(capNanos, baseNanos << doublings);
    }

    private long decorrelatedNanos(Duration previous, RandomGenerator random) {
        long baseNanos = base.toNanos();
        long capNanos = cap.toNanos();
        long previousNanos = previous == null ? baseNanos : Math.max(baseNanos, Math.min(capNanos, previous.toNanos()));
        long upper = previousNanos > capNanos / 3 ? capNanos : Math.min(capNanos, previousNanos * 3);
        return baseNanos + random.nextLong(upper - baseNanos + 1);
    }
}
