package dev.dreamnet.core.flags;

/**
 * Hears that {@link Flags} installed a new snapshot. Called on the swapping thread, after the
 * snapshot is visible to readers and outside any lock. Swaps that race on different threads may be
 * heard out of order; a listener that needs the latest should read {@link Flags#snapshot()}. A
 * listener that throws is logged and never breaks the swap or the other listeners.
 * Implementations must be thread-safe.
 */
@FunctionalInterface
public interface SnapshotListener {

    void onSnapshot(FlagSnapshot snapshot);
}
