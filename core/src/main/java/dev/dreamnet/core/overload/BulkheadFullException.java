package dev.dreamnet.core.overload;

/**
 * A {@link Bulkhead} refused a call: as many calls as it allows were already in flight to that
 * downstream. One instance per bulkhead is shared by all its refusals. Thread-safe (immutable).
 */
public final class BulkheadFullException extends LocallyRejectedException {

    private final int maxConcurrent;

    public BulkheadFullException(String downstream, int maxConcurrent) {
        super(downstream, "bulkhead \"" + downstream + "\" is full: " + maxConcurrent
                + " calls are already in flight, the most it allows");
        this.maxConcurrent = maxConcurrent;
    }

    public int maxConcurrent() {
        return maxConcurrent;
    }
}
