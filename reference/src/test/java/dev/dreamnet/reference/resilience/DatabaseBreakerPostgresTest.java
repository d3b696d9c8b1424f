package dev.dreamnet.reference.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dreamnet.reference.DreamnetServer;
import dev.dreamnet.reference.support.DagJson;
import dev.dreamnet.reference.support.GraphJson;
import dev.dreamnet.reference.support.Http;
import dev.dreamnet.reference.support.Reply;
import dev.dreamnet.reference.support.Servers;
import dev.dreamnet.testing.TcpProxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database breaker with the real PostgreSQL at 127.0.0.1:5432, reached through a TCP proxy the
 * test cuts like a broken network path: requests answer 503 with a reason within seconds (never a
 * hang, never a 500), the breaker opens, and traffic returns once the path is restored.
 */
class DatabaseBreakerPostgresTest {

    private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
    private static final String DATABASE = "dreamnet_brk_"
            + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    private static final Duration NEVER_LONGER_THAN = Duration.ofSeconds(5);
    private static final String RESILIENCE = """
            defaults:
              breaker:
                consecutiveFailures: 3
                minimumCalls: 5
                window: {type: count, size: 10}
                resetTimeout: 2s
                permittedCallsInHalfOpen: 1
              timeout: 2s
            services:
              database:
                retry: {maxAttempts: 1}
              provider: {}
              queue: {}
            """;

    @TempDir
    Path dir;

    private final TcpProxy proxy = TcpProxy.to("127.0.0.1", 5432);
    private DreamnetServer server;
    private Http http;

    @BeforeAll
    static void createDatabase() throws SQLException {
        admin("CREATE DATABASE " + DATABASE);
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        admin("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
    }

    @BeforeEach
    void startWithTheDatabaseBehindTheProxy() throws Exception {
        Path resilience = Files.writeString(dir.resolve("resilience.yaml"), RESILIENCE);
        server = DreamnetServer.start(Servers.config(dir, GraphJson.reference().writeTo(dir))
                .jdbcUrl("jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + DATABASE + "?user=postgres")
                .resilienceFile(resilience).build());
        http = new Http(server.port());
        Servers.awaitReady(http);
    }

    @AfterEach
    void stop() {
        proxy.restore();
        server.shutdown();
        proxy.close();
    }

    @Test
    void aCutDatabaseAnswers503WithAReasonWithinSecondsAndOpensTheBreaker() {
        assertThat(http.post("/api/dreams", "{\"title\": \"before the cut\"}").status()).isEqualTo(201);

        proxy.cut();

        assertUnavailable(() -> http.post("/api/dreams", "{\"title\": \"during the cut\"}"));
        await("database breaker open").atMost(Servers.DEADLINE).pollInterval(Duration.ofMillis(100)).until(() -> {
            assertUnavailable(() -> http.get("/api/dreams"));
            assertUnavailable(() -> http.get("/api/observability/audit"));
            return "OPEN".equals(databaseBreakerState());
        });
        Reply open = http.get("/api/observability/audit");
        assertThat(open.text("error")).isEqualTo("database unavailable");
        assertThat(open.text("detail")).contains("circuit breaker \"database\" is OPEN");
        assertThat(open.header("Retry-After")).isNotBlank();
    }

    @Test
    void afterThePathIsRestoredTrafficReturnsAndTheBreakerCloses() {
        long id = http.post("/api/dreams", "{\"title\": \"before the cut\"}").json().get("id").asLong();
        proxy.cut();
        await("database breaker open").atMost(Servers.DEADLINE).pollInterval(Duration.ofMillis(100)).until(() -> {
            assertUnavailable(() -> http.get("/api/observability/audit"));
            return "OPEN".equals(databaseBreakerState());
        });

        proxy.restore();

        await("traffic back").atMost(Servers.DEADLINE).pollInterval(Duration.ofMillis(200))
                .until(() -> http.get("/api/dreams").status() == 200);
        await("database breaker closed").atMost(Servers.DEADLINE)
                .until(() -> http.get("/api/observability/audit").status() == 200
                        && "CLOSED".equals(databaseBreakerState()));
        assertThat(http.get("/api/dreams/" + id).text("title")).isEqualTo("before the cut");
        assertThat(http.post("/api/dreams", "{\"title\": \"after the cut\"}").status()).isEqualTo(201);
    }

    /** Regression: the PostgreSQL driver had no socket timeout, so a stalled network hung requests for good. */
    @Test
    void aDatabaseThatStopsAnsweringGets503WithinSecondsInsteadOfHangingTheRequest() {
        assertThat(http.get("/api/observability/audit").status()).isEqualTo(200);

        proxy.stall();

        assertUnavailable(() -> http.get("/api/observability/audit"));
        assertUnavailable(() -> http.get("/api/dreams"));
        assertUnavailable(() -> http.post("/api/dreams", "{\"title\": \"into the void\"}"));
    }

    /** 503 JSON naming why, within {@link #NEVER_LONGER_THAN}; never a hang, never a 500. */
    private static void assertUnavailable(Supplier<Reply> request) {
        long start = System.nanoTime();
        Reply reply = request.get();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("answered within").isLessThan(NEVER_LONGER_THAN);
        assertThat(reply.status()).as(reply.body()).isEqualTo(503);
        assertThat(reply.text("error")).isIn("database unavailable", "not ready");
        assertThat(reply.text("detail")).isNotBlank();
    }

    private String databaseBreakerState() {
        return DagJson.entry(http.get("/api/observability/circuit-breakers").json(), "breakers", "database")
                .get("state").asText();
    }

    private static void admin(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(ADMIN_URL);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new SQLException("PostgreSQL at 127.0.0.1:5432 (user postgres) is needed for this test and "
                    + "refused \"" + sql + "\"; start it (see .ci/run): " + e.getMessage(), e.getSQLState(), e);
        }
    }
}
