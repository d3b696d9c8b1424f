package dev.dreamnet.bench.metrics;

import dev.dreamnet.core.metrics.RequestMetrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Recording one finished request: DreamNet's {@link RequestMetrics} (route lookup, status class and a
 * wait-free HdrHistogram recorder, drained once a second as the server does every slot) against a
 * Micrometer {@link Timer} already resolved for the route, with a percentile histogram (Prometheus
 * registry) and with client-side percentiles. The same spread of latencies (0.1-200 ms) for all.
 * Threads share one contender; pick them with -t.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RecordingBench {

    private static final String ROUTE = "GET /api/dreams/{id}";

    @State(Scope.Thread)
    public static class Latencies {
        final long[] nanos = new long[1024];
        int next;

        @Setup
        public void setUp() {
            SplittableRandom random = new SplittableRandom(42);
            for (int i = 0; i < nanos.length; i++) {
                nanos[i] = 100_000 + (long) (Math.pow(random.nextDouble(), 3) * 200_000_000);
            }
        }

        long next() {
            return nanos[next++ & 1023];
        }
    }

    @State(Scope.Benchmark)
    public static class Ours {
        final RequestMetrics metrics = RequestMetrics.builder().build();
        private Thread drainer;

        @Setup(Level.Trial)
        public void setUp() {
            drainer = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    metrics.advance();
                    try {
                        Thread.sleep(1_000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "drainer");
            drainer.setDaemon(true);
            drainer.start();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            drainer.interrupt();
        }
    }

    @State(Scope.Benchmark)
    public static class MicrometerHistogram {
        final Timer timer = Timer.builder("http.server.requests").tag("route", ROUTE).tag("outcome", "SUCCESS")
                .publishPercentileHistogram().register(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    @State(Scope.Benchmark)
    public static class MicrometerPercentiles {
        final Timer timer = Timer.builder("http.server.requests").tag("route", ROUTE).tag("outcome", "SUCCESS")
                .publishPercentiles(0.5, 0.95, 0.99).register(new SimpleMeterRegistry());
    }

    @Benchmark
    public void ours(Ours ours, Latencies latencies) {
        ours.metrics.record(ROUTE, 200, latencies.next());
    }

    @Benchmark
    public void micrometerPercentileHistogram(MicrometerHistogram micrometer, Latencies latencies) {
        micrometer.timer.record(latencies.next(), TimeUnit.NANOSECONDS);
    }

    @Benchmark
    public void micrometerClientPercentiles(MicrometerPercentiles micrometer, Latencies latencies) {
        micrometer.timer.record(latencies.next(), TimeUnit.NANOSECONDS);
    }
}
