package dev.dreamnet.core.breaker.internal;

import dev.dreamnet.core.time.Clock;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The calls of the last {@code seconds} seconds, in per-second buckets of one
 * {@link AtomicLongArray}. Each cell packs the second it counts (high 32 bits) with its count
 * (low 32 bits), so moving a bucket to a new second is one compare-and-set and never loses a
 * count; a stale cell is simply ignored when summing. There is a power-of-two number of buckets,
 * at least {@code seconds}, so finding a bucket needs no division. The array is striped by thread
 * so that threads sharing a breaker do not write the same cache line. Thread-safe and lock-free.
 */
final class TimeWindow extends SlidingWindow {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final int CALLS = 0;
    private static final int FAILURES = 1;
    private static final int SLOW = 2;
    private static final int FIELDS = 3;
    /** Longs between stripes: a cache line, so stripes never share one. */
    private static final int PAD = 8;

    private final Clock clock;
    private final int seconds;
    private final int bucketMask;
    private final int minimumCalls;
    private final int stripeMask;
    private final int stripeLength;
    private final AtomicLongArray cells;
    private volatile boolean belowMinimum = true;

    TimeWindow(Clock clock, int seconds, int minimumCalls) {
        this.clock = clock;
        this.seconds = seconds;
        int buckets = Integer.highestOneBit(seconds) == seconds ? seconds : Integer.highestOneBit(seconds) << 1;
        this.bucketMask = buckets - 1;
        this.minimumCalls = minimumCalls;
        int stripes = stripes(Runtime.getRuntime().availableProcessors());
        this.stripeMask = stripes - 1;
        this.stripeLength = buckets * FIELDS + PAD;
        this.cells = new AtomicLongArray(PAD + stripes * stripeLength);
        long stale = (long) ((int) currentSecond() - seconds - 1) << 32;
        for (int i = 0; i < cells.length(); i++) {
            cells.set(i, stale);
        }
    }

    /** A power of two, at least twice the processors, between 4 and 16. */
    static int stripes(int processors) {
        return Math.min(16, Math.max(4, Integer.highestOneBit(Math.max(1, processors)) * 2));
    }

    @Override
    boolean record(int outcome) {
        long second = currentSecond();
        int stripe = (int) Thread.currentThread().getId() & stripeMask;
        int tag = (int) second;
        int bucket = PAD + stripe * stripeLength + (tag & bucketMask) * FIELDS;
        boolean rolled = add(bucket + CALLS, tag);
        if (Outcome.isFailure(outcome)) {
            rolled |= add(bucket + FAILURES, tag);
        }
        if (Outcome.isSlow(outcome)) {
            rolled |= add(bucket + SLOW, tag);
        }
        return outcome != Outcome.SUCCESS || rolled || belowMinimum;
    }

    /** Counts one in the cell; returns true if that moved the cell to a new second. */
    private boolean add(int index, int tag) {
        while (true) {
            long cell = cells.get(index);
            int cellTag = (int) (cell >>> 32);
            if (tag - cellTag <= 0) {
                cells.getAndIncrement(index);
                return false;
            }
            if (cells.compareAndSet(index, cell, ((long) tag << 32) | 1L)) {
                return true;
            }
        }
    }

    private long currentSecond() {
        return Math.floorDiv(clock.nanoTime(), NANOS_PER_SECOND);
    }

    @Override
    String check(TripRule rule) {
        int now = (int) currentSecond();
        long calls = sum(now, CALLS);
        belowMinimum = calls < minimumCalls;
        return rule.check(calls, sum(now, FAILURES), sum(now, SLOW));
    }

    @Override
    WindowCounts counts() {
        int now = (int) currentSecond();
        return new WindowCounts(sum(now, CALLS), sum(now, FAILURES), sum(now, SLOW));
    }

    private long sum(int now, int field) {
        long total = 0;
        for (int stripe = 0; stripe <= stripeMask; stripe++) {
            int start = PAD + stripe * stripeLength + field;
            for (int bucket = 0; bucket <= bucketMask; bucket++) {
                long cell = cells.get(start + bucket * FIELDS);
                int age = now - (int) (cell >>> 32);
                if (age >= 0 && age < seconds) {
                    total += cell & 0xFFFF_FFFFL;
                }
            }
        }
        return total;
    }
}
