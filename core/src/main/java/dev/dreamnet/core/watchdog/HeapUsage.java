package dev.dreamnet.core.watchdog;

/**
 * Heap occupancy as a {@link JvmProbe} sees it. Immutable.
 *
 * @param source    the memory pool measured, e.g. {@code "G1 Old Gen"}, or {@code "heap"} for the whole heap
 * @param usedBytes bytes in use
 * @param maxBytes  the most bytes the source may grow to; > 0
 * @param afterGc   true when measured right after a collection of {@code source}; false when no
 *                  collection has happened yet and {@code usedBytes} includes garbage
 */
public record HeapUsage(String source, long usedBytes, long maxBytes, boolean afterGc) {

    public HeapUsage {
        if (usedBytes < 0) {
            throw new IllegalArgumentException("usedBytes must be >= 0, was " + usedBytes);
        }
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be > 0, was " + maxBytes);
        }
    }

    /** Used as a percentage of max. */
    public double percentUsed() {
        return 100.0 * usedBytes / maxBytes;
    }
}
