package dev.dreamnet.core.retry;

import dev.dreamnet.core.time.Clock;
import dev.dreamnet.core.time.WindowedCounts;
import java.util.Objects;

/**
 * Caps retries at a share of calls over a sliding window (see {@link RetryConfig.Budget}), so that
 * a failing downstream receives at most {@code 1 + ratio} times its normal load. Calls and retries are
 * counted per second in {@link WindowedCounts}; a retry is granted by a compare-and-set on the current
 * second's cell after checking the sums, so concurrent callers within a second cannot overdraw it
 * together. Thread-safe, lock-free.
 */
public final class RetryBudget {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final int CALLS = 0;
    private static final int RETRIES = 1;

    private final Clock clock;
    private final double ratio;
    private final long reserve;
    private final WindowedCounts counts;

    public RetryBudget(RetryConfig.Budget budget, Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.ratio = budget.ratio();
        int seconds = (int) budget.window().getSeconds();
        this.reserve = (long) budget.minPerSecond() * seconds;
        this.counts = new WindowedCounts(2, seconds, now());
    }

    /** Counts a call: its first attempt, which earns the budget its share. */
    public void recordCall() {
        counts.increment(now(), CALLS);
    }

    /** Takes one retry from the budget; false, taking nothing, when it is spent. */
    public boolean tryAcquireRetry() {
        int now = now();
        while (true) {
            long cell = counts.cell(now, RETRIES);
            if (counts.sum(now, RETRIES) + 1 > allowance(counts.sum(now, CALLS))) {
                return false;
            }
            if (counts.incrementIfUnchanged(now, RETRIES, cell)) {
                return true;
            }
        }
    }

    /** Calls counted in the window. */
    public long calls() {
        return counts.sum(now(), CALLS);
    }

    /** Retries granted in the window. */
    public long retries() {
        return counts.sum(now(), RETRIES);
    }

    /** Retries the window allows for {@code calls} calls. */
    public long allowance(long calls) {
        return (long) (ratio * calls) + reserve;
    }

    private int now() {
        return (int) Math.floorDiv(clock.nanoTime(), NANOS_PER_SECOND);
    }
}
