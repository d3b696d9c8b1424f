package dev.dreamnet.core.watchdog;

import dev.dreamnet.core.time.Clock;
import dev.dreamnet.core.time.Scheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The registry the watchdogs endpoint reads: watchdogs in registration order, names unique.
 * Thread-safe: registration is guarded by {@code this}; reads take no lock of the registry and
 * may run on every request. A watchdog that throws yields a WARN reading instead of breaking the rest.
 */
public final class Watchdogs implements AutoCloseable {

    private final CopyOnWriteArrayList<Watchdog> watchdogs = new CopyOnWriteArrayList<>();

    /** An empty registry. */
    public Watchdogs() {
    }

    /**
     * A registry with the JVM watchdogs on their defaults: heap after GC, GC time share, threads,
     * deadlocks and scheduler lag, the last one already started on {@code scheduler}; {@link #close()} stops it.
     */
    public static Watchdogs jvmDefaults(JvmProbe probe, Scheduler scheduler, Clock clock) {
        SchedulerLagWatchdog lag = SchedulerLagWatchdog.builder(scheduler, clock).build();
        Watchdogs registry = new Watchdogs()
                .register(HeapAfterGcWatchdog.ofDefaults(probe))
                .register(GcTimeShareWatchdog.ofDefaults(probe))
                .register(ThreadCountWatchdog.ofDefaults(probe))
                .register(new DeadlockWatchdog(probe))
                .register(lag);
        lag.start();
        return registry;
    }

    /**
     * Adds {@code watchdog}.
     *
     * @throws IllegalArgumentException when a watchdog of the same name is registered already
     */
    public synchronized Watchdogs register(Watchdog watchdog) {
        Objects.requireNonNull(watchdog, "watchdog must not be null");
        if (find(watchdog.name()) != null) {
            throw new IllegalArgumentException("watchdog \"" + watchdog.name() + "\" is registered twice");
        }
        watchdogs.add(watchdog);
        return this;
    }

    /**
     * Adds a {@link QueueDepthWatchdog} and a {@link DeadLetterRateWatchdog} on their defaults for
     * {@code queue}, named {@code queue-depth:<queue>} and {@code dlq-rate:<queue>}.
     */
    public synchronized Watchdogs registerQueue(String queue, QueueGauge gauge) {
        QueueDepthWatchdog depth = QueueDepthWatchdog.ofDefaults(queue, gauge);
        DeadLetterRateWatchdog rate = DeadLetterRateWatchdog.ofDefaults(queue, gauge);
        if (find(rate.name()) != null) {
            throw new IllegalArgumentException("watchdog \"" + rate.name() + "\" is registered twice");
        }
        return register(depth).register(rate);
    }

    /** Removes the watchdog named {@code name} (closing it if it is {@link AutoCloseable}); false if there was none. */
    public synchronized boolean unregister(String name) {
        Watchdog watchdog = find(name);
        if (watchdog == null) {
            return false;
        }
        watchdogs.remove(watchdog);
        closeQuietly(watchdog);
        return true;
    }

    /** The registered watchdogs, in registration order. */
    public List<Watchdog> all() {
        return List.copyOf(watchdogs);
    }

    /** Reads every watchdog at {@code nowNanos}, in registration order. */
    public List<Reading> readAll(long nowNanos) {
        List<Reading> readings = new ArrayList<>(watchdogs.size());
        for (Watchdog watchdog : watchdogs) {
            readings.add(readSafely(watchdog, nowNanos));
        }
        return readings;
    }

    /** The worst level among {@code readings}; OK when there are none. */
    public static Level worst(List<Reading> readings) {
        Level worst = Level.OK;
        for (Reading reading : readings) {
            worst = worst.worse(reading.level());
        }
        return worst;
    }

    /** Closes every registered watchdog that is {@link AutoCloseable} (stops the scheduler lag probe). */
    @Override
    public void close() {
        watchdogs.forEach(Watchdogs::closeQuietly);
    }

    private static Reading readSafely(Watchdog watchdog, long nowNanos) {
        try {
            return Objects.requireNonNull(watchdog.read(nowNanos), "read returned null");
        } catch (RuntimeException e) {
            return Reading.failed(watchdog.name(), e);
        }
    }

    private Watchdog find(String name) {
        for (Watchdog watchdog : watchdogs) {
            if (watchdog.name().equals(name)) {
                return watchdog;
            }
        }
        return null;
    }

    private static void closeQuietly(Watchdog watchdog) {
        if (watchdog instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                System.getLogger(Watchdogs.class.getName())
                        .log(System.Logger.Level.WARNING, "closing watchdog \"" + watchdog.name() + "\" failed", e);
            }
        }
    }
}
