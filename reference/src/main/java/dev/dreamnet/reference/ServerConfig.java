package dev.dreamnet.reference;

import dev.dreamnet.core.health.GateConfig;
import dev.dreamnet.jdbc.DurableUrls;
import dev.dreamnet.javalin.http.HttpLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How {@code dreamnet serve} runs: where it listens, where its data and configuration live. The
 * defaults are the embedded ones, so no external service is needed. Immutable; see {@link #builder()}.
 *
 * @param jdbcUrl        the database to use; null means the embedded H2 file under {@code dataDir}
 * @param resilienceFile breakers and retries per downstream service; null means the built-in defaults
 * @param flagsFile      feature flags, hot-reloaded; null means none defined
 * @param environment    where admin and read tokens and the SAFE_MODE / WRITE_DRAIN boot switches come from
 * @param queueUrl       {@code amqp://} URI of RabbitMQ; null means the embedded database queue
 * @param queuesFile     the queues to declare ({@code config/queues.yaml}); null means none
 * @param http           worker threads, the in-flight limit and the client timeouts of the HTTP server
 * @param overloadFile   overload protection ({@code config/overload.yaml}), hot-reloaded; null means none
 * @param slosFile       service level objectives ({@code config/slos.yaml}), hot-reloaded; null means none
 */
public record ServerConfig(String host, int port, Path dataDir, Path graphFile, String jdbcUrl,
                           int startupThreads, Duration shutdownGrace, Duration gateStartupInterval,
                           Duration gateInterval, Path resilienceFile, Path flagsFile,
                           Map<String, String> environment, String queueUrl, Path queuesFile,
                           HttpLimits http, Path overloadFile, Path slosFile) {

    public ServerConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
        if (startupThreads < 1) {
            throw new IllegalArgumentException("startupThreads must be >= 1, was " + startupThreads);
        }
        if (shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("shutdownGrace must be >= 0, was " + shutdownGrace);
        }
        environment = Map.copyOf(environment);
        if (queueUrl != null) {
            requireAmqp(queueUrl);
        }
        if (gateInterval.isNegative() || gateInterval.isZero()) {
            throw new IllegalArgumentException("gateInterval must be > 0, was " + gateInterval);
        }
    }

    private static void requireAmqp(String url) {
        java.net.URI uri;
        try {
            uri = new java.net.URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("--queue: not a URI (" + e.getReason() + "); expected amqp://user:password@host:5672/vhost");
        }
        if (!"amqp".equals(uri.getScheme()) && !"amqps".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("--queue: expected amqp://user:password@host:5672/vhost, was "
                    + (uri.getScheme() == null ? "a URI without a scheme" : "a " + uri.getScheme() + ": URI"));
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The database URL actually used: the configured one, or the embedded H2 file. An H2 database on disk
     * is made durable on commit ({@link DurableUrls#durableOnCommit}): a 201 means the write survives a crash.
     */
    public String effectiveJdbcUrl() {
        String url = jdbcUrl != null ? jdbcUrl
                : "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("dreamnet") + ";DB_CLOSE_ON_EXIT=FALSE";
        return DurableUrls.durableOnCommit(url);
    }

    /** Builds a {@link ServerConfig} from the documented defaults. Not thread-safe. */
    public static final class Builder {
        private String host = "0.0.0.0";
        private int port = 5000;
        private Path dataDir = Path.of("data");
        private Path graphFile = Path.of("deploy", "graph.json");
        private String jdbcUrl;
        private int startupThreads = 16;
        private Duration shutdownGrace = Duration.ofSeconds(20);
        private Duration gateStartupInterval = Duration.ofMillis(50);
        private Duration gateInterval = GateConfig.DEFAULT_INTERVAL;
        private Path resilienceFile;
        private Path flagsFile;
        private Map<String, String> environment = System.getenv();
        private String queueUrl;
        private Path queuesFile;
        private HttpLimits http;
        private Path overloadFile;
        private Path slosFile;

        /** The HTTP server's limits; by default sized for this JVM's heap ({@link HttpLimits#forHeap}). */
        public Builder http(HttpLimits http) {
            this.http = http;
            return this;
        }

        /** RabbitMQ's {@code amqp://} URI; null (the default) keeps queues in the database. */
        public Builder queueUrl(String queueUrl) {
            this.queueUrl = queueUrl;
            return this;
        }

        public Builder queuesFile(Path queuesFile) {
            this.queuesFile = queuesFile;
            return this;
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        public Builder graphFile(Path graphFile) {
            this.graphFile = graphFile;
            return this;
        }

        public Builder jdbcUrl(String jdbcUrl) {
            this.jdbcUrl = jdbcUrl;
            return this;
        }

        public Builder startupThreads(int startupThreads) {
            this.startupThreads = startupThreads;
            return this;
        }

        public Builder shutdownGrace(Duration shutdownGrace) {
            this.shutdownGrace = shutdownGrace;
            return this;
        }

        public Builder gateStartupInterval(Duration gateStartupInterval) {
            this.gateStartupInterval = gateStartupInterval;
            return this;
        }

        /** The steady-state pause between health checks once a gate has been ready (default 5 s). */
        /** The circuit breaker and retry configuration; null uses the built-in defaults. */
        public Builder resilienceFile(Path resilienceFile) {
            this.resilienceFile = resilienceFile;
            return this;
        }

        /** The feature flags file, hot-reloaded; null defines no flag (modes and kill switches still work). */
        public Builder flagsFile(Path flagsFile) {
            this.flagsFile = flagsFile;
            return this;
        }

        /** Overload protection for the reference routes, hot-reloaded; null: none (the in-flight cap still applies). */
        public Builder overloadFile(Path overloadFile) {
            this.overloadFile = overloadFile;
            return this;
        }

        /** Service level objectives and their error budgets, hot-reloaded; null: none. */
        public Builder slosFile(Path slosFile) {
            this.slosFile = slosFile;
            return this;
        }

        /** Where tokens are read from ({@code DREAMNET_ADMIN_TOKENS} ...); the process environment by default. */
        public Builder environment(Map<String, String> environment) {
            this.environment = environment;
            return this;
        }

        public Builder gateInterval(Duration gateInterval) {
            this.gateInterval = gateInterval;
            return this;
        }

        public ServerConfig build() {
            return new ServerConfig(host, port, dataDir, graphFile, jdbcUrl, startupThreads, shutdownGrace,
                    gateStartupInterval, gateInterval, resilienceFile, flagsFile, environment, queueUrl, queuesFile,
                    http != null ? http : HttpLimits.builder().build(), overloadFile, slosFile);
        }
    }
}
