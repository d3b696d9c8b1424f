package dev.dreamnet.core.overload;

/**
 * What a {@link Bulkhead} looks like at one moment. Immutable and thread-safe.
 *
 * @param maxConcurrent the cap
 * @param inUse         calls in flight
 * @param refused       calls refused since the bulkhead was created
 */
public record BulkheadSnapshot(int maxConcurrent, int inUse, long refused) {
}
