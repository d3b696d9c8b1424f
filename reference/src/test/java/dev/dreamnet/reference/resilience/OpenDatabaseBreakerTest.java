package dev.dreamnet.reference.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.reference.DreamnetServer;
import dev.dreamnet.reference.support.DagJson;
import dev.dreamnet.reference.support.GraphJson;
import dev.dreamnet.reference.support.Http;
import dev.dreamnet.reference.support.Reply;
import dev.dreamnet.reference.support.Servers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database that answers its health check while one of the application's queries fails (here: the
 * audit log's table dropped under the server, a table no background task reads). The 503s say "database unavailable" in general words, never the
 * driver's text; the open database breaker leaves readiness up on purpose (docs/HEALTHCHECKS.md)
 * and the summary's attention says it, its reason and until when.
 */
class OpenDatabaseBreakerTest {

    private static final String RESILIENCE = """
            services:
              database:
                breaker: {consecutiveFailures: 1, resetTimeout: 60s}
                retry: {maxAttempts: 1}
              provider: {}
              queue: {}
            """;

    private static final String AUDIT = "/api/observability/audit";

    @TempDir
    Path dir;

    private final String jdbcUrl = "jdbc:h2:mem:open_breaker_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private DreamnetServer server;
    private Http http;

    @BeforeEach
    void start() throws Exception {
        Path resilience = Files.writeString(dir.resolve("resilience.yaml"), RESILIENCE);
        server = DreamnetServer.start(Servers.config(dir, GraphJson.reference().writeTo(dir))
                .jdbcUrl(jdbcUrl).resilienceFile(resilience).build());
        http = new Http(server.port());
        Servers.awaitReady(http);
        assertThat(http.get(AUDIT).status()).isEqualTo(200);
        execute("DROP TABLE audit_log");
    }

    @AfterEach
    void stop() throws SQLException {
        server.shutdown();
        execute("SHUTDOWN");
    }

    /** Regression: the 503's detail was the driver's message, naming the table (and on PostgreSQL hosts and SQL). */
    @Test
    void aFailedDatabaseCallAnswers503WithoutTheDriversText() {
        Reply reply = http.get(AUDIT);

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.text("error")).isEqualTo("database unavailable");
        assertThat(reply.text("detail")).isEqualTo("the database call failed; try again later");
        assertThat(reply.body()).doesNotContainIgnoringCase("audit_log").doesNotContain("42S02", "SELECT", "not found");
        assertThat(reply.header("Retry-After")).isNotBlank();
    }

    @Test
    void anOpenDatabaseBreakerLeavesReadinessUpAndTheSummarySaysItWhyAndUntilWhen() {
        assertThat(http.get(AUDIT).text("detail")).isEqualTo("the database call failed; try again later");

        assertThat(breakerState()).isEqualTo("OPEN");
        Reply refused = http.get(AUDIT);
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.text("detail")).startsWith("circuit breaker \"database\" is OPEN");
        assertThat(http.get("/health/ready").status()).as("readiness ignores breakers").isEqualTo(200);
        assertThat(http.get("/api/observability/summary").json().get("attention").toString())
                .contains("circuit breaker database is OPEN (1 consecutive failures): calls to database are "
                        + "refused at once until it tries again at ");
    }

    private String breakerState() {
        return DagJson.entry(http.get("/api/observability/circuit-breakers").json(), "breakers", "database")
                .get("state").asText();
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
