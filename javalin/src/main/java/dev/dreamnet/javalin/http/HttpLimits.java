package dev.dreamnet.javalin.http;

import java.time.Duration;

/**
 * How much HTTP work the server takes on at once, and how long a client may take to send a request.
 * The defaults follow the heap so that the default {@code -Xmx128m} never runs out of memory under a
 * flood: one admitted request per {@value #HEAP_PER_REQUEST_MIB} MiB of heap (a full page of dreams is about
 * 4 MiB), and worker threads for twice that plus {@value #SPARE_THREADS} more for probes, refusals and
 * Jetty's own acceptor and selector. Immutable; see {@link #builder()}.
 *
 * @param maxThreads  Jetty's worker pool, the most requests handled at once including refusals and probes
 * @param maxInFlight requests worked on at once beyond which a request is refused with 503 (probes excepted)
 * @param idleTimeout a connection on which nothing was sent or received for this long is closed
 * @param readTimeout how long a client may take to send a request's headers, and again its body
 */
public record HttpLimits(int maxThreads, int maxInFlight, Duration idleTimeout, Duration readTimeout) {

    static final int HEAP_PER_REQUEST_MIB = 8;
    static final int SPARE_THREADS = 8;
    private static final int MIN_IN_FLIGHT = 4;
    private static final int MAX_IN_FLIGHT = 256;
    /** The most worker threads: each is a platform thread with its own stack, and far more would not start. */
    static final int MAX_THREADS = 4096;

    public HttpLimits {
        if (maxInFlight < 1 || maxInFlight > MAX_THREADS - SPARE_THREADS) {
            throw new IllegalArgumentException("maxInFlight must be from 1 to " + (MAX_THREADS - SPARE_THREADS)
                    + ", was " + maxInFlight);
        }
        if (maxThreads > MAX_THREADS) {
            throw new IllegalArgumentException("maxThreads must be at most " + MAX_THREADS + ", was " + maxThreads);
        }
        if (maxThreads < maxInFlight + SPARE_THREADS) {
            throw new IllegalArgumentException("maxThreads must be at least maxInFlight + " + SPARE_THREADS
                    + " (" + (maxInFlight + SPARE_THREADS) + ") so probes and refusals always find a thread, was "
                    + maxThreads);
        }
        requirePositive("idleTimeout", idleTimeout);
        requirePositive("readTimeout", readTimeout);
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be > 0, was " + value);
        }
    }

    /** The defaults for a heap of {@code maxHeapBytes} ({@link Runtime#maxMemory()}). */
    public static HttpLimits forHeap(long maxHeapBytes) {
        int inFlight = (int) Math.max(MIN_IN_FLIGHT,
                Math.min(MAX_IN_FLIGHT, maxHeapBytes / (HEAP_PER_REQUEST_MIB * 1024L * 1024L)));
        return new HttpLimits(2 * inFlight + SPARE_THREADS, inFlight, Duration.ofSeconds(30), Duration.ofSeconds(10));
    }

    /** Starts from the defaults for this JVM's heap. */
    public static Builder builder() {
        return new Builder(forHeap(Runtime.getRuntime().maxMemory()));
    }

    /**
     * Changes some limits and keeps the others; setting only {@code maxInFlight} sizes the worker pool to match.
     * Not thread-safe.
     */
    public static final class Builder {
        private Integer maxThreads;
        private int maxInFlight;
        private Duration idleTimeout;
        private Duration readTimeout;

        private Builder(HttpLimits defaults) {
            this.maxInFlight = defaults.maxInFlight();
            this.idleTimeout = defaults.idleTimeout();
            this.readTimeout = defaults.readTimeout();
        }

        public Builder maxThreads(int maxThreads) {
            this.maxThreads = maxThreads;
            return this;
        }

        public Builder maxInFlight(int maxInFlight) {
            this.maxInFlight = maxInFlight;
            return this;
        }

        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
            return this;
        }

        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
            return this;
        }

        public HttpLimits build() {
            return new HttpLimits(maxThreads != null ? maxThreads : 2 * maxInFlight + SPARE_THREADS, maxInFlight,
                    idleTimeout, readTimeout);
        }
    }
}
