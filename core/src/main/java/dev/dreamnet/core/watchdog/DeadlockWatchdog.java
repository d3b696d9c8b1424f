package dev.dreamnet.core.watchdog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * CRIT as soon as any threads are deadlocked, naming each one, the lock it waits for and who
 * holds it: those threads never recover by themselves. The check is a JVM-wide call, fine on
 * demand. Stateless and thread-safe.
 */
public final class DeadlockWatchdog implements Watchdog {

    /** The name readings carry. */
    public static final String NAME = "deadlocks";

    private static final Thresholds ANY = new Thresholds(1, 1);

    private final JvmProbe probe;

    public DeadlockWatchdog(JvmProbe probe) {
        this.probe = Objects.requireNonNull(probe, "probe must not be null");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Reading read(long nowNanos) {
        List<DeadlockedThread> threads = probe.deadlockedThreads();
        if (threads.isEmpty()) {
            return new Reading(NAME, Level.OK, 0, "threads", ANY, "no deadlocked threads", List.of());
        }
        List<String> detail = new ArrayList<>(threads.size());
        List<String> names = new ArrayList<>(threads.size());
        for (DeadlockedThread thread : threads) {
            detail.add(thread.describe());
            names.add(thread.waitsFor());
        }
        String reason = threads.size() + " threads deadlocked: " + String.join("; ", names);
        return new Reading(NAME, Level.CRIT, threads.size(), "threads", ANY, reason, detail);
    }
}
