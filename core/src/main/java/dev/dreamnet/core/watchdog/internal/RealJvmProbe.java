package dev.dreamnet.core.watchdog.internal;

import dev.dreamnet.core.watchdog.DeadlockedThread;
import dev.dreamnet.core.watchdog.HeapUsage;
import dev.dreamnet.core.watchdog.JvmProbe;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@link JvmProbe} over the platform MXBeans, looked up once, at the first reading (not while an application
 * builds its watchdogs at start). Thread-safe (the MXBeans are).
 */
public final class RealJvmProbe implements JvmProbe {

    public static final RealJvmProbe INSTANCE = new RealJvmProbe();

    private RealJvmProbe() {
    }

    /** The MXBeans, looked up when this class is first used (the JVM's class initialisation makes that once). */
    private static final class Beans {
        static final Optional<MemoryPoolMXBean> OLD_POOL = findOldPool(ManagementFactory.getMemoryPoolMXBeans());
        static final List<GarbageCollectorMXBean> PAUSING = pausing(ManagementFactory.getGarbageCollectorMXBeans());
        static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    }

    @Override
    public HeapUsage heapAfterGc() {
        Optional<MemoryPoolMXBean> oldPool = Beans.OLD_POOL;
        if (oldPool.isPresent()) {
            MemoryUsage after = oldPool.get().getCollectionUsage();
            if (after != null && (after.getUsed() > 0 || after.getCommitted() > 0)) {
                long max = after.getMax() > 0 ? after.getMax() : heapMax();
                return new HeapUsage(oldPool.get().getName(), after.getUsed(), max, true);
            }
        }
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return new HeapUsage("heap", heap.getUsed(), heapMax(), false);
    }

    @Override
    public long gcPauseMillis() {
        long total = 0;
        for (GarbageCollectorMXBean collector : Beans.PAUSING) {
            total += Math.max(0, collector.getCollectionTime());
        }
        return total;
    }

    @Override
    public int threadCount() {
        return Beans.THREADS.getThreadCount();
    }

    @Override
    public int peakThreadCount() {
        return Beans.THREADS.getPeakThreadCount();
    }

    @Override
    public List<DeadlockedThread> deadlockedThreads() {
        ThreadMXBean threads = Beans.THREADS;
        long[] ids = threads.isSynchronizerUsageSupported() ? threads.findDeadlockedThreads()
                : threads.findMonitorDeadlockedThreads();
        if (ids == null) {
            return List.of();
        }
        List<DeadlockedThread> deadlocked = new ArrayList<>(ids.length);
        for (ThreadInfo info : threads.getThreadInfo(ids, 1)) {
            if (info != null) {
                deadlocked.add(describe(info));
            }
        }
        return List.copyOf(deadlocked);
    }

    private static DeadlockedThread describe(ThreadInfo info) {
        StackTraceElement[] stack = info.getStackTrace();
        String where = stack.length > 0 ? stack[0].toString() : "";
        return new DeadlockedThread(info.getThreadName(), info.getThreadId(), String.valueOf(info.getLockName()),
                String.valueOf(info.getLockOwnerName()), info.getLockOwnerId(), where);
    }

    private static long heapMax() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long max = heap.getMax() > 0 ? heap.getMax() : Runtime.getRuntime().maxMemory();
        return max > 0 ? max : Math.max(1, heap.getCommitted());
    }

    /** The heap pool that survives collections: "G1 Old Gen", "PS Old Gen", "Tenured Gen", or a single-pool heap. */
    static Optional<MemoryPoolMXBean> findOldPool(List<MemoryPoolMXBean> pools) {
        List<MemoryPoolMXBean> collected = new ArrayList<>();
        for (MemoryPoolMXBean pool : pools) {
            if (pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported()) {
                String name = pool.getName();
                if (name.contains("Old") || name.contains("Tenured")) {
                    return Optional.of(pool);
                }
                collected.add(pool);
            }
        }
        return collected.size() == 1 ? Optional.of(collected.get(0)) : Optional.empty();
    }

    private static List<GarbageCollectorMXBean> pausing(List<GarbageCollectorMXBean> collectors) {
        List<GarbageCollectorMXBean> pausing = new ArrayList<>();
        for (GarbageCollectorMXBean collector : collectors) {
            String name = collector.getName();
            if (!name.contains("Concurrent") && !name.contains("Cycles")) {
                pausing.add(collector);
            }
        }
        return List.copyOf(pausing);
    }
}
