package dev.dreamnet.core.retry;

import dev.dreamnet.core.time.Clock;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Caps retries at a share of calls over a sliding window (see {@link RetryConfig.Budget}), so that
 * a failing downstream receives at most {@code 1 + ratio} times its normal load. Per-second buckets
 * live in one {@link AtomicLongArray} whose cells pack the second (high 32 bits) with a count (low
 * 32 bits); a retry is granted by a compare-and-set on the current second's cell after checking the
 * sums, so concurrent callers within a second cannot overdraw it together. Thread-safe, lock-free.
 */
public final class RetryBudget {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final int CALLS = 0;
    private static final int RETRIES = 1;

    private final Clock clock;
    private final double ratio;
    private final long reserve;
    private final int seconds;
    private final int bucketMask;
    private final AtomicLongArray cells;

    public RetryBudget(RetryConfig.Budget budget, Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.ratio = budget.ratio();
        this.seconds = (int) budget.window().getSeconds();
        this.reserve = (long) budget.minPerSecond() * seconds;
        int buckets = Integer.highestOneBit(seconds) == seconds ? seconds : Integer.highestOneBit(seconds) << 1;
        this.bucketMask = buckets - 1;
        this.cells = new AtomicLongArray(2 * buckets);
        long stale = (long) (now() - seconds - 1) << 32;
        for (int i = 0; i < cells.length(); i++) {
            cells.set(i, stale);
        }
    }

    /** Counts a call: its first attempt, which earns the budget its share. */
    public void recordCall() {
        int now = now();
        int index = index(now, CALLS);
        while (true) {
            long cell = cells.get(index);
            if (now - tag(cell) <= 0) {
                cells.getAndIncrement(index);
                return;
            }
            if (cells.compareAndSet(index, cell, pack(now, 1))) {
                return;
            }
        }
    }

    /** Takes one retry from the budget; false, taking nothing, when it is spent. */
    public boolean tryAcquireRetry() {
        int now = now();
        int index = index(now, RETRIES);
        while (true) {
            long cell = cells.get(index);
            if (sum(now, RETRIES) + 1 > allowance(sum(now, CALLS))) {
                return false;
            }
            long next = now - tag(cell) <= 0 ? cell + 1 : pack(now, 1);
            if (cells.compareAndSet(index, cell, next)) {
                return true;
            }
        }
    }

    /** Calls counted in the window. */
    public long calls() {
        return sum(now(), CALLS);
    }

    /** Retries granted in the window. */
    public long retries() {
        return sum(now(), RETRIES);
    }

    /** Retries the window allows for {@code calls} calls. */
    public long allowance(long calls) {
        return (long) (ratio * calls) + reserve;
    }

    private long sum(int now, int field) {
        long total = 0;
        for (int bucket = 0; bucket <= bucketMask; bucket++) {
            long cell = cells.get(2 * bucket + field);
            int age = now - tag(cell);
            if (age >= 0 && age < seconds) {
                total += cell & 0xFFFF_FFFFL;
            }
        }
        return total;
    }

    private int index(int now, int field) {
        return 2 * (now & bucketMask) + field;
    }

    private int now() {
        return (int) Math.floorDiv(clock.nanoTime(), NANOS_PER_SECOND);
    }

    private static int tag(long cell) {
        return (int) (cell >>> 32);
    }

    private static long pack(int second, long count) {
        return ((long) second << 32) | count;
    }
}
