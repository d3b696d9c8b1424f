package dev.dreamnet.core.overload;

import dev.dreamnet.core.time.Clock;
import dev.dreamnet.core.time.WindowedCounts;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleSupplier;

/**
 * Client-side adaptive throttling (Google SRE book, "Handling Overload"): the client counts the
 * requests it made to one downstream and the ones the downstream accepted over a sliding window,
 * and sheds a new request locally with probability
 * {@code max(0, (requests - k x accepts) / (requests + 1))}, so a downstream that refuses most
 * calls is sent little more than {@code k} times what it accepts. Requests shed locally count as
 * requests, so the shedding grows while the downstream keeps refusing and fades as it accepts again.
 * The probability is computed from the counts before the request being decided is added.
 *
 * <p>Counts live in {@link ThrottleConfig#BUCKETS} buckets of {@code window / BUCKETS} in one
 * {@link AtomicLongArray}, each cell packing its bucket number (high 32 bits) with a count.
 * Thread-safe and lock-free; deciding and reporting allocate nothing except a rejection's exception
 * in {@link #acquire()}.
 */
public final class AdaptiveThrottle {

    private static final int REQUESTS = 0;
    private static final int ACCEPTS = 1;
    private static final int BUCKETS = ThrottleConfig.BUCKETS;

    private final String name;
    private final double k;
    private final long bucketNanos;
    private final Clock clock;
    private final DoubleSupplier random;
    private final WindowedCounts counts;
    private final LongAdder rejected = new LongAdder();

    /**
     * @param random values uniform in [0, 1): a fixed sequence in tests; must be thread-safe if the throttle is shared
     */
    public AdaptiveThrottle(String name, ThrottleConfig config, Clock clock, DoubleSupplier random) {
        this.name = Objects.requireNonNull(name, "name must not be null");
        this.k = config.k();
        this.bucketNanos = Math.max(1, config.window().toNanos() / BUCKETS);
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.random = Objects.requireNonNull(random, "random must not be null");
        this.counts = new WindowedCounts(2, BUCKETS, bucket());
    }

    /** A throttle drawing its random numbers from {@link ThreadLocalRandom}. */
    public AdaptiveThrottle(String name, ThrottleConfig config, Clock clock) {
        this(name, config, clock, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** The SRE formula: {@code max(0, (requests - k x accepts) / (requests + 1))}. */
    public static double probability(long requests, long accepts, double k) {
        return Math.max(0, (requests - k * accepts) / (requests + 1));
    }

    /**
     * Counts a request and decides whether to send it: false when it is shed locally (counted in
     * {@link #rejected()}). A request that is sent should be reported with {@link #onAccepted()} if the
     * downstream accepted it.
     */
    public boolean tryAcquire() {
        int now = bucket();
        double p = probability(counts.sum(now, REQUESTS), counts.sum(now, ACCEPTS), k);
        counts.increment(now, REQUESTS);
        if (p > 0 && random.getAsDouble() < p) {
            rejected.increment();
            return false;
        }
        return true;
    }

    /**
     * As {@link #tryAcquire()}, throwing when the request is shed.
     *
     * @throws ThrottledException naming the downstream, the counts and the probability
     */
    public void acquire() {
        if (!tryAcquire()) {
            int now = bucket();
            long requests = counts.sum(now, REQUESTS);
            long accepts = counts.sum(now, ACCEPTS);
            throw new ThrottledException(name, requests, accepts, probability(requests, accepts, k));
        }
    }

    /** The downstream answered a request that was sent (any answer but a refusal for overload or unavailability). */
    public void onAccepted() {
        counts.increment(bucket(), ACCEPTS);
    }

    /** The probability with which the next request would be shed. */
    public double probability() {
        int now = bucket();
        return probability(counts.sum(now, REQUESTS), counts.sum(now, ACCEPTS), k);
    }

    /** Requests counted in the window, shed ones included. */
    public long requests() {
        return counts.sum(bucket(), REQUESTS);
    }

    /** Accepted requests counted in the window. */
    public long accepts() {
        return counts.sum(bucket(), ACCEPTS);
    }

    /** Requests shed locally since the throttle was created. */
    public long rejected() {
        return rejected.sum();
    }

    public String name() {
        return name;
    }

    public ThrottleSnapshot snapshot() {
        int now = bucket();
        long requests = counts.sum(now, REQUESTS);
        long accepts = counts.sum(now, ACCEPTS);
        return new ThrottleSnapshot(k, requests, accepts, probability(requests, accepts, k), rejected.sum());
    }

    /** The current bucket's number; it may wrap around, and only differences between two are used. */
    private int bucket() {
        return (int) Math.floorDiv(clock.nanoTime(), bucketNanos);
    }
}
