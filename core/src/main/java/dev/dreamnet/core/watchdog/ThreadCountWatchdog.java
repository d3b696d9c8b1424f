package dev.dreamnet.core.watchdog;

import java.util.List;
import java.util.Objects;

/**
 * Judges how many threads are alive, with the peak in the detail: a count that keeps climbing is
 * a thread leak (an executor per request, a client never closed). Defaults: WARN at 500,
 * CRIT at 2000. Stateless and thread-safe.
 */
public final class ThreadCountWatchdog implements Watchdog {

    /** The name readings carry. */
    public static final String NAME = "threads";

    private final JvmProbe probe;
    private final Thresholds thresholds;

    private ThreadCountWatchdog(JvmProbe probe, Thresholds thresholds) {
        this.probe = Objects.requireNonNull(probe, "probe must not be null");
        this.thresholds = thresholds;
    }

    /** WARN at 500 live threads, CRIT at 2000. */
    public static ThreadCountWatchdog ofDefaults(JvmProbe probe) {
        return of(probe, 500, 2000);
    }

    /** Thread counts, {@code 0 <= warn <= crit}; a wrong one is refused naming this setting. */
    public static ThreadCountWatchdog of(JvmProbe probe, int warn, int crit) {
        return new ThreadCountWatchdog(probe, Thresholds.of(NAME + ".thresholds", warn, crit));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Reading read(long nowNanos) {
        int count = probe.threadCount();
        int peak = probe.peakThreadCount();
        Level level = thresholds.levelOf(count);
        String reason = count + " live threads, peak " + peak + " (" + thresholds.next(level, "") + ")";
        return new Reading(NAME, level, count, "threads", thresholds, reason, List.of("peak " + peak));
    }
}
