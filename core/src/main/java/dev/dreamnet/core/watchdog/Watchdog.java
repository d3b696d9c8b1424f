package dev.dreamnet.core.watchdog;

/**
 * Watches one vital sign and judges it against thresholds each time it is read. Reading is
 * cheap and safe to call from many threads at once; implementations say what they keep between
 * readings (sliding windows) and which lock guards it.
 */
public interface Watchdog {

    /** A stable name, unique within a {@link Watchdogs} registry, e.g. {@code "heap-after-gc"}. */
    String name();

    /**
     * Reads the vital sign now. {@code nowNanos} comes from the same {@link dev.dreamnet.core.time.Clock}
     * the watchdog was built with; windows slide on it.
     */
    Reading read(long nowNanos);
}
