package dev.dreamnet.core.watchdog;

import java.util.List;
import java.util.Objects;

/**
 * Judges the old (tenured) pool's occupancy right after its last collection: the live set, which
 * only climbs towards max when memory leaks or the heap is too small. Until the first collection
 * it judges heap used now and says so. Defaults: WARN at 80%, CRIT at 90%. Stateless and thread-safe.
 */
public final class HeapAfterGcWatchdog implements Watchdog {

    /** The name readings carry. */
    public static final String NAME = "heap-after-gc";

    private final JvmProbe probe;
    private final Thresholds thresholds;

    private HeapAfterGcWatchdog(JvmProbe probe, Thresholds thresholds) {
        this.probe = Objects.requireNonNull(probe, "probe must not be null");
        this.thresholds = thresholds;
    }

    /** WARN at 80%, CRIT at 90% of max. */
    public static HeapAfterGcWatchdog ofDefaults(JvmProbe probe) {
        return of(probe, 80, 90);
    }

    /** Percentages in (0, 100], {@code warnPercent <= critPercent}; a wrong one is refused naming this setting. */
    public static HeapAfterGcWatchdog of(JvmProbe probe, double warnPercent, double critPercent) {
        return new HeapAfterGcWatchdog(probe, Thresholds.percent(NAME + ".thresholds", warnPercent, critPercent));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Reading read(long nowNanos) {
        HeapUsage usage = probe.heapAfterGc();
        double percent = usage.percentUsed();
        Level level = thresholds.levelOf(percent);
        String what = usage.afterGc() ? "heap after GC " : "heap used (no old-generation GC yet) ";
        String reason = what + Numbers.plain(percent) + "% of max (" + thresholds.next(level, "%") + ")";
        String detail = usage.source() + ": " + mib(usage.usedBytes()) + " of " + mib(usage.maxBytes());
        return new Reading(NAME, level, percent, "%", thresholds, reason, List.of(detail));
    }

    private static String mib(long bytes) {
        return Numbers.plain(bytes / (1024.0 * 1024.0)) + " MiB";
    }
}
