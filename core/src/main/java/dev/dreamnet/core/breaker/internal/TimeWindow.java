package dev.dreamnet.core.breaker.internal;

import dev.dreamnet.core.time.Clock;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The calls of the last {@code seconds} seconds, in per-second buckets of one
 * {@link AtomicLongArray}. Each cell packs the second it counts (high 32 bits) with its count
 * (low 32 bits), so moving a bucket to a new second never loses a count; a stale cell is simply
 * ignored when summing. There is a power-of-two number of buckets, at least {@code seconds}, so
 * finding a bucket needs no division. The array is split into {@link Stripes}: a thread writes
 * its own stripe with plain release stores, so threads sharing a breaker neither contend nor share
 * a cache line, and a {@link RateBound} spares most failures a full sum over every stripe.
 * Thread-safe and lock-free.
 */
final class TimeWindow extends SlidingWindow {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final int CALLS = 0;
    private static final int FAILURES = 1;
    private static final int SLOW = 2;
    private static final int FIELDS = 3;
    /** Longs between stripes: a cache line, so stripes never share one. */
    private static final int PAD = 8;
    private static final long COUNT = 0xFFFF_FFFFL;

    private final Clock clock;
    private final int seconds;
    private final int bucketMask;
    private final int minimumCalls;
    private final Stripes stripes;
    private final int stripeLength;
    private final AtomicLongArray cells;
    private final RateBound bound = new RateBound();
    /** Written only when it changes: other threads read its cache line on every call. */
    private volatile boolean belowMinimum = true;

    TimeWindow(Clock clock, int seconds, int minimumCalls) {
        this.clock = clock;
        this.seconds = seconds;
        int buckets = Integer.highestOneBit(seconds) == seconds ? seconds : Integer.highestOneBit(seconds) << 1;
        this.bucketMask = buckets - 1;
        this.minimumCalls = minimumCalls;
        this.stripes = new Stripes(Stripes.ownedFor(Runtime.getRuntime().availableProcessors()));
        this.stripeLength = buckets * FIELDS + PAD;
        this.cells = new AtomicLongArray(PAD + stripes.count() * stripeLength);
        long stale = (long) (currentSecond() - seconds - 1) << 32;
        for (int i = 0; i < cells.length(); i++) {
            cells.set(i, stale);
        }
    }

    @Override
    String record(int outcome, TripRule rule) {
        int now = currentSecond();
        int stripe = stripes.current();
        boolean exclusive = stripe != stripes.shared();
        int bucket = PAD + stripe * stripeLength + (now & bucketMask) * FIELDS;
        boolean rolled = add(bucket + CALLS, now, exclusive);
        if (Outcome.isFailure(outcome)) {
            rolled |= add(bucket + FAILURES, now, exclusive);
        }
        if (Outcome.isSlow(outcome)) {
            rolled |= add(bucket + SLOW, now, exclusive);
        }
        if (rule == null) {
            return null;
        }
        if (outcome != Outcome.SUCCESS) {
            bound.count(outcome);
        }
        if (!rolled && !belowMinimum && (outcome == Outcome.SUCCESS || !bound.mayTrip(now, rule))) {
            return null;
        }
        return sumAndCheck(now, rule);
    }

    /** Counts one in the cell; returns true if that moved the cell to a new second. */
    private boolean add(int index, int second, boolean exclusive) {
        while (true) {
            long cell = cells.get(index);
            boolean current = second - (int) (cell >>> 32) <= 0;
            long next = current ? cell + 1 : ((long) second << 32) | 1L;
            if (exclusive) {
                cells.setRelease(index, next);
                return !current;
            }
            if (current) {
                cells.getAndIncrement(index);
                return false;
            }
            if (cells.compareAndSet(index, cell, next)) {
                return true;
            }
        }
    }

    private String sumAndCheck(int now, TripRule rule) {
        long failuresBase = bound.failuresBase();
        long slowBase = bound.slowBase();
        WindowCounts counts = sum(now);
        boolean below = counts.calls() < minimumCalls;
        if (below != belowMinimum) {
            belowMinimum = below;
        }
        if (!below) {
            bound.remember(now, counts, failuresBase, slowBase);
        }
        return rule.check(counts.calls(), counts.failures(), counts.slowCalls());
    }

    private int currentSecond() {
        return (int) Math.floorDiv(clock.nanoTime(), NANOS_PER_SECOND);
    }

    @Override
    WindowCounts counts() {
        return sum(currentSecond());
    }

    /**
     * Sums the cells of the last {@code seconds} seconds of the stripes in use, in one pass. Each
     * bucket's failure and slow cells are read before its calls cell, which every outcome counts
     * first, so a preempted reader never sees more failures than calls. A bucket whose calls cell is
     * stale is skipped whole: its other cells are only written after its calls cell.
     */
    private WindowCounts sum(int now) {
        long calls = 0;
        long failures = 0;
        long slowCalls = 0;
        for (int stripe = 0; stripe < stripes.count(); stripe++) {
            if (!stripes.isUsed(stripe)) {
                continue;
            }
            for (int age = 0; age < seconds; age++) {
                int bucket = PAD + stripe * stripeLength + ((now - age) & bucketMask) * FIELDS;
                long failuresCell = cells.get(bucket + FAILURES);
                long slowCell = cells.get(bucket + SLOW);
                long callsCell = cells.get(bucket + CALLS);
                if (inWindow(now, callsCell)) {
                    calls += callsCell & COUNT;
                    failures += countIfInWindow(now, failuresCell);
                    slowCalls += countIfInWindow(now, slowCell);
                }
            }
        }
        return new WindowCounts(calls, failures, slowCalls);
    }

    private boolean inWindow(int now, long cell) {
        int age = now - (int) (cell >>> 32);
        return age >= 0 && age < seconds;
    }

    private long countIfInWindow(int now, long cell) {
        return inWindow(now, cell) ? cell & COUNT : 0;
    }
}
