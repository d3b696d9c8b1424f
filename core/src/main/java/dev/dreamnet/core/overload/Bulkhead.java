package dev.dreamnet.core.overload;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * A fixed cap on the calls in flight to one downstream, so that a slow downstream ties up at most
 * {@code maxConcurrent} of the caller's threads. A call is admitted at once or refused at once;
 * nothing queues. Every {@link #tryAcquire()} that returns true must be matched by exactly one
 * {@link #release()}. Thread-safe and lock-free; admitting, releasing and refusing allocate nothing
 * (the {@link BulkheadFullException} is built once).
 */
public final class Bulkhead {

    /** The largest cap that can be configured. */
    public static final int MAX_CONCURRENT = 100_000;

    private final String name;
    private final int maxConcurrent;
    private final AtomicInteger inUse = new AtomicInteger();
    private final LongAdder refused = new LongAdder();
    private final LongAdder unmatchedReleases = new LongAdder();
    private final BulkheadFullException rejection;

    /**
     * @throws IllegalArgumentException naming the setting, if {@code maxConcurrent} is not in [1, {@link #MAX_CONCURRENT}]
     */
    public Bulkhead(String name, int maxConcurrent) {
        this.name = Objects.requireNonNull(name, "name must not be null");
        if (maxConcurrent < 1 || maxConcurrent > MAX_CONCURRENT) {
            throw new IllegalArgumentException("maxConcurrent must be between 1 and " + MAX_CONCURRENT + ", was "
                    + maxConcurrent);
        }
        this.maxConcurrent = maxConcurrent;
        this.rejection = new BulkheadFullException(name, maxConcurrent);
    }

    /** Takes a place if one is free; false, counted as a refusal, if {@code maxConcurrent} calls are in flight. */
    public boolean tryAcquire() {
        for (;;) {
            int current = inUse.get();
            if (current >= maxConcurrent) {
                refused.increment();
                return false;
            }
            if (inUse.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    /**
     * Takes a place or throws.
     *
     * @throws BulkheadFullException when {@code maxConcurrent} calls are in flight
     */
    public void acquire() {
        if (!tryAcquire()) {
            throw rejection;
        }
    }

    /** Gives a place back. A release with nothing in flight is ignored and counted, so the count never goes negative. */
    public void release() {
        for (;;) {
            int current = inUse.get();
            if (current == 0) {
                unmatchedReleases.increment();
                return;
            }
            if (inUse.compareAndSet(current, current - 1)) {
                return;
            }
        }
    }

    public String name() {
        return name;
    }

    public int maxConcurrent() {
        return maxConcurrent;
    }

    /** Calls in flight now. */
    public int inUse() {
        return inUse.get();
    }

    /** Calls refused since the bulkhead was created. */
    public long refused() {
        return refused.sum();
    }

    public BulkheadSnapshot snapshot() {
        return new BulkheadSnapshot(maxConcurrent, inUse.get(), refused.sum());
    }

    /** Releases that found nothing in flight and were ignored. */
    public long unmatchedReleases() {
        return unmatchedReleases.sum();
    }
}
