package dev.dreamnet.runtime.metrics;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * How full the service is: HTTP worker threads in use, requests in flight (and the in-flight limit past which
 * requests are refused), heap in use and CPU load.
 * Values the JVM cannot tell are null. Thread-safe.
 */
public final class Saturation {

    private final Supplier<Workers> workers;
    private final IntSupplier inFlight;
    private final int inFlightLimit;

    /** {@code workers} reads the HTTP server's worker pool, {@link Workers#UNKNOWN} when there is none to read. */
    public Saturation(Supplier<Workers> workers, IntSupplier inFlight, int inFlightLimit) {
        this.workers = workers;
        this.inFlight = inFlight;
        this.inFlightLimit = inFlightLimit;
    }

    /** Worker threads: busy and maximum, and their ratio; null fields when the pool does not say. */
    public record Workers(Integer busy, Integer max, Double utilisation) {

        public static final Workers UNKNOWN = new Workers(null, null, null);
    }

    public record Heap(long usedBytes, long maxBytes, Double utilisation) {
    }

    public record Cpu(Double process, Double system, int processors) {
    }

    /** {@code inFlight} counts every request being served, probes included; {@code inFlightLimit} leaves probes out. */
    public record View(int inFlight, int inFlightLimit, Workers workers, Heap heap, Cpu cpu) {
    }

    public View read() {
        return new View(inFlight.getAsInt(), inFlightLimit, workers.get(), heap(), cpu());
    }

    private static Heap heap() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long max = heap.getMax();
        return new Heap(heap.getUsed(), max, max > 0 ? (double) heap.getUsed() / max : null);
    }

    private static Cpu cpu() {
        int processors = Runtime.getRuntime().availableProcessors();
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return new Cpu(load(os.getProcessCpuLoad()), load(os.getCpuLoad()), processors);
        }
        return new Cpu(null, null, processors);
    }

    private static Double load(double value) {
        return value < 0 || Double.isNaN(value) ? null : value;
    }
}
