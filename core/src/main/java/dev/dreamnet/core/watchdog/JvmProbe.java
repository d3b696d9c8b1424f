package dev.dreamnet.core.watchdog;

import dev.dreamnet.core.watchdog.internal.RealJvmProbe;
import java.util.List;

/**
 * The JVM facts the watchdogs judge, behind an interface so tests can script them. The real
 * one, {@link #system()}, reads the platform MXBeans. Implementations are thread-safe.
 */
public interface JvmProbe {

    /**
     * Heap used right after the last collection of the old (tenured) pool, or heap used now when
     * that pool has not been collected yet ({@link HeapUsage#afterGc()} is then false).
     */
    HeapUsage heapAfterGc();

    /**
     * Total milliseconds the collectors have paused the application since the JVM started.
     * Beans that time concurrent cycles (G1 Concurrent GC, ZGC Cycles, Shenandoah Cycles) are left out.
     */
    long gcPauseMillis();

    /** Live threads now. */
    int threadCount();

    /** The most live threads at once since the JVM started (or since the peak was reset). */
    int peakThreadCount();

    /** Threads deadlocked on monitors or ownable synchronizers now; empty when none. A JVM-wide call. */
    List<DeadlockedThread> deadlockedThreads();

    /** The probe over this JVM's MXBeans. */
    static JvmProbe system() {
        return RealJvmProbe.INSTANCE;
    }
}
