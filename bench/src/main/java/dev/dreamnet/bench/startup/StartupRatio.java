package dev.dreamnet.bench.startup;

import dev.dreamnet.core.startup.Component;
import dev.dreamnet.core.startup.ServiceSpec;
import dev.dreamnet.core.startup.StartupDag;
import dev.dreamnet.core.startup.StartupGraph;
import dev.dreamnet.core.startup.StartupSnapshot;
import dev.dreamnet.core.time.SystemScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Startup wall time divided by the critical path, for the seed's nine-service graph and a random
 * 200-service graph, each service simulating its start with a fixed sleep. Two ratios: against the
 * critical path of the durations the services really took (the engine's own overhead: time
 * between a parent turning READY and its child starting), and against the nominal delays (which
 * also counts the sleeps' own overshoot).
 * Run: {@code java -cp bench/target/benchmarks.jar dev.dreamnet.bench.startup.StartupRatio}.
 */
public final class StartupRatio {

    private static final int RUNS = 7;

    private StartupRatio() {
    }

    public static void main(String[] args) throws Exception {
        report("seed graph, 9 services", seedGraph(), 16);
        report("random graph, 200 services (seed 42)", randomGraph(200, 42), 64);
    }

    private static void report(String label, Map<ServiceSpec, Duration> graph, int threads) throws Exception {
        long ideal = idealCriticalPathNanos(graph);
        double[] nominal = new double[RUNS];
        double[] measured = new double[RUNS];
        for (int run = 0; run < RUNS; run++) {
            long[] result = startOnce(graph, threads);
            nominal[run] = result[0] / (double) ideal;
            measured[run] = result[0] / (double) result[1];
        }
        Arrays.sort(nominal);
        Arrays.sort(measured);
        System.out.printf("%s, pool %d threads, %d runs:%n", label, threads, RUNS);
        System.out.printf("  wall / measured critical path: median %.3f, best %.3f, worst %.3f%n",
                measured[RUNS / 2], measured[0], measured[RUNS - 1]);
        System.out.printf("  wall / nominal critical path (%.1f ms of simulated delays): median %.3f, best %.3f, worst %.3f%n",
                ideal / 1e6, nominal[RUNS / 2], nominal[0], nominal[RUNS - 1]);
    }

    /** One startup: its wall time and the critical path of the durations the services really took. */
    private static long[] startOnce(Map<ServiceSpec, Duration> graph, int threads) throws Exception {
        StartupGraph validated = StartupGraph.of("bench", new ArrayList<>(graph.keySet()));
        Map<String, Duration> delays = new HashMap<>();
        graph.forEach((spec, delay) -> delays.put(spec.name(), delay));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (SystemScheduler scheduler = new SystemScheduler("bench-timer", 1)) {
            StartupDag dag = StartupDag.builder(validated, spec -> sleeping(delays.get(spec.name())))
                    .executor(pool).scheduler(scheduler).build();
            long begin = System.nanoTime();
            dag.start();
            StartupSnapshot result = dag.started().get(60, TimeUnit.SECONDS);
            long wall = System.nanoTime() - begin;
            if (!result.status().isUp()) {
                throw new IllegalStateException("startup did not finish: " + result.reason());
            }
            return new long[] {wall, result.criticalPathDuration().toNanos()};
        } finally {
            pool.shutdownNow();
        }
    }

    private static Component sleeping(Duration delay) {
        return () -> Thread.sleep(delay.toMillis());
    }

    private static long idealCriticalPathNanos(Map<ServiceSpec, Duration> graph) {
        Map<String, Long> finish = new HashMap<>();
        long longest = 0;
        for (Map.Entry<ServiceSpec, Duration> entry : graph.entrySet()) {
            long start = 0;
            for (String parent : entry.getKey().dependsOn()) {
                start = Math.max(start, finish.get(parent));
            }
            long end = start + entry.getValue().toNanos();
            finish.put(entry.getKey().name(), end);
            longest = Math.max(longest, end);
        }
        return longest;
    }

    /** The seed's nine services: database -> migrations/queues -> core -> agents -> api. */
    private static Map<ServiceSpec, Duration> seedGraph() {
        Map<ServiceSpec, Duration> graph = new java.util.LinkedHashMap<>();
        graph.put(spec("database"), Duration.ofMillis(120));
        graph.put(spec("migrations", "database"), Duration.ofMillis(80));
        graph.put(spec("queues", "database"), Duration.ofMillis(40));
        graph.put(spec("core", "migrations", "queues"), Duration.ofMillis(30));
        graph.put(spec("citadel", "core"), Duration.ofMillis(50));
        graph.put(spec("dronedome", "core"), Duration.ofMillis(70));
        graph.put(spec("agents", "citadel", "dronedome"), Duration.ofMillis(10));
        graph.put(spec("provider", "core"), Duration.ofMillis(25));
        graph.put(spec("api", "agents", "provider"), Duration.ofMillis(20));
        return graph;
    }

    /** Each service depends on up to three random earlier ones and takes 5 to 50 ms. */
    private static Map<ServiceSpec, Duration> randomGraph(int size, long seed) {
        Random random = new Random(seed);
        Map<ServiceSpec, Duration> graph = new java.util.LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            Set<String> parents = new LinkedHashSet<>();
            for (int p = i == 0 ? 0 : random.nextInt(4); p > 0; p--) {
                parents.add("s" + random.nextInt(i));
            }
            graph.put(spec("s" + i, parents.toArray(String[]::new)), Duration.ofMillis(5 + random.nextInt(46)));
        }
        return graph;
    }

    private static ServiceSpec spec(String name, String... dependsOn) {
        return ServiceSpec.builder(name).dependsOn(List.of(dependsOn)).build();
    }
}
