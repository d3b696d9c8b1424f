package dev.dreamnet.cli;

import dev.dreamnet.config.yaml.ConfigException;
import dev.dreamnet.core.startup.GraphValidationException;
import dev.dreamnet.core.startup.StartupSnapshot;
import dev.dreamnet.core.startup.StartupStatus;
import dev.dreamnet.reference.DreamnetServer;
import dev.dreamnet.reference.PreflightException;
import dev.dreamnet.reference.ServerConfig;
import dev.dreamnet.javalin.http.HttpLimits;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dreamnet serve}: runs the reference service until SIGTERM or SIGINT, then shuts down
 * gracefully (readiness off, in-flight requests drained, services stopped in reverse order).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the reference service on embedded defaults (H2 under --data-dir, no external service).")
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "5000", description = "HTTP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--host", defaultValue = "0.0.0.0", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--data-dir", defaultValue = "data", description = "Embedded database and state (default: ./${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--graph", defaultValue = DagCommand.DEFAULT_GRAPH, description = "Startup graph (default: ${DEFAULT-VALUE}).")
    Path graph;

    static final Path DEFAULT_RESILIENCE = Path.of("config", "resilience.yaml");

    @Option(names = "--resilience", paramLabel = "FILE",
            description = "Circuit breakers and retries per downstream service (default: config/resilience.yaml "
                    + "if it exists, else built-in defaults).")
    Path resilience;

    static final Path DEFAULT_FLAGS = Path.of("config", "feature-flags.yaml");

    @Option(names = "--flags", paramLabel = "FILE",
            description = "Feature flags, hot-reloaded (default: config/feature-flags.yaml if it exists, else none).")
    Path flags;

    static final Path DEFAULT_OVERLOAD = Path.of("config", "overload.yaml");

    @Option(names = "--overload", paramLabel = "FILE",
            description = "Overload protection: adaptive concurrency limit, route criticality, automatic brownout; "
                    + "hot-reloaded (default: config/overload.yaml if it exists, else none).")
    Path overload;

    static final Path DEFAULT_SLOS = Path.of("config", "slos.yaml");

    @Option(names = "--slos", paramLabel = "FILE",
            description = "Service level objectives: error budgets and burn-rate alerts per route; hot-reloaded "
                    + "(default: config/slos.yaml if it exists, else none).")
    Path slos;

    @Option(names = "--db", description = "JDBC URL of the database, e.g. jdbc:postgresql://127.0.0.1:5432/dreamnet "
            + "(default: embedded H2 under --data-dir).")
    String db;

    @Option(names = "--queue", paramLabel = "URI",
            description = "RabbitMQ for the queues, e.g. amqp://guest:guest@127.0.0.1:5672/%%2F "
                    + "(default: the embedded database queue).")
    String queue;

    static final Path DEFAULT_QUEUES = Path.of("config", "queues.yaml");

    @Option(names = "--queues", paramLabel = "FILE",
            description = "Queues to declare (default: config/queues.yaml if it exists, else none).")
    Path queues;

    @Option(names = "--shutdown-grace", defaultValue = "20", paramLabel = "SECONDS",
            description = "How long in-flight requests may take to finish on shutdown (default: ${DEFAULT-VALUE}).")
    int shutdownGraceSeconds;

    @Option(names = "--max-in-flight", paramLabel = "N",
            description = "Requests served at once; more are refused with 503 and Retry-After, health probes never "
                    + "(default: one per 8 MiB of heap, 16 at -Xmx128m).")
    Integer maxInFlight;

    @Option(names = "--http-threads", paramLabel = "N",
            description = "HTTP worker threads, at least --max-in-flight + 8 (default: twice --max-in-flight + 8).")
    Integer httpThreads;

    @Option(names = "--idle-timeout", defaultValue = "30", paramLabel = "SECONDS",
            description = "Close a connection silent for this long (default: ${DEFAULT-VALUE}).")
    int idleTimeoutSeconds;

    @Option(names = "--read-timeout", defaultValue = "10", paramLabel = "SECONDS",
            description = "Close a connection whose request headers take longer than this to arrive "
                    + "(default: ${DEFAULT-VALUE}).")
    int readTimeoutSeconds;

    /** The HTTP limits; a wrong value is refused in the words of its option. */
    private HttpLimits httpLimits() {
        requireAtLeastOne("--idle-timeout", idleTimeoutSeconds);
        requireAtLeastOne("--read-timeout", readTimeoutSeconds);
        HttpLimits.Builder limits = HttpLimits.builder().idleTimeout(Duration.ofSeconds(idleTimeoutSeconds))
                .readTimeout(Duration.ofSeconds(readTimeoutSeconds));
        if (maxInFlight != null) {
            requireAtLeastOne("--max-in-flight", maxInFlight);
            limits.maxInFlight(maxInFlight);
        }
        if (httpThreads != null) {
            limits.maxThreads(httpThreads);
        }
        try {
            return limits.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().replace("maxThreads", "--http-threads")
                    .replace("maxInFlight", "--max-in-flight"), e);
        }
    }

    private int shutdownGrace() {
        if (shutdownGraceSeconds < 0) {
            throw new IllegalArgumentException("--shutdown-grace must be 0 or more seconds, was " + shutdownGraceSeconds);
        }
        return shutdownGraceSeconds;
    }

    private static void requireAtLeastOne(String option, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(option + " must be at least 1, was " + value);
        }
    }

    private ServerConfig config() {
        return ServerConfig.builder().host(host).port(port).dataDir(dataDir).graphFile(graph)
                .jdbcUrl(db).resilienceFile(orDefault(resilience, DEFAULT_RESILIENCE))
                .flagsFile(orDefault(flags, DEFAULT_FLAGS)).queueUrl(queue)
                .queuesFile(orDefault(queues, DEFAULT_QUEUES)).overloadFile(orDefault(overload, DEFAULT_OVERLOAD))
                .slosFile(orDefault(slos, DEFAULT_SLOS))
                .shutdownGrace(Duration.ofSeconds(shutdownGrace())).http(httpLimits()).build();
    }

    /** The file given, else the default one if it exists, else null (built-in defaults). */
    private static Path orDefault(Path given, Path fallback) {
        if (given != null) {
            return given;
        }
        return Files.isRegularFile(fallback) ? fallback : null;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        DreamnetServer server;
        try {
            server = DreamnetServer.start(config());
        } catch (PreflightException | GraphValidationException | ConfigException | IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return ExitCodes.CONFIG;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            stopped.countDown();
        }, "dreamnet-shutdown"));
        out.printf("DreamNet listening on http://%s:%d (probes: /health/live, /health/ready, /health/startup)%n",
                host, server.port());
        StartupSnapshot result = server.started().join();
        if (result.status() == StartupStatus.FAILED) {
            spec.commandLine().getErr().println("dreamnet: startup failed: " + result.reason());
            server.shutdown();
            return ExitCodes.CONFIG;
        }
        out.printf("Startup %s in %d ms; critical path %s%n", result.status(), result.elapsed().toMillis(),
                String.join(" -> ", result.criticalPath()));
        stopped.await();
        return ExitCodes.OK;
    }
}
