package dev.dreamnet.reference.dreams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dreamnet.reference.support.Reply;
import dev.dreamnet.reference.support.Servers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dreams API on the real PostgreSQL at 127.0.0.1:5432 (trust auth, user postgres), in a
 * database of its own created for this run and dropped afterwards. Never a mock.
 */
class DreamsApiPostgresTest extends DreamsApiContract {

    private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
    private static final String DATABASE = "dreamnet_test_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);

    @BeforeAll
    static void createDatabase() throws SQLException {
        admin("CREATE DATABASE " + DATABASE);
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        admin("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
    }

    @Override
    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:5432/" + DATABASE + "?user=postgres";
    }

    @Test
    void whileTheDatabaseRefusesConnectionsRequestsAre503WithRetryAfterAndTrafficReturnsAfterwards() throws Exception {
        long before = create("before the outage");
        try {
            admin("ALTER DATABASE " + DATABASE + " WITH ALLOW_CONNECTIONS false");
            admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + DATABASE + "'");

            Reply during = http.post("/api/dreams", "{\"title\": \"during the outage\"}");
            assertThat(during.status()).as(during.body()).isEqualTo(503);
            assertThat(during.header("Retry-After")).isNotBlank();
            assertThat(during.text("error")).isIn("database unavailable", "not ready");
            // The migrations gate reads the database too and may turn unready first; the database gate follows.
            await("database gate unready").atMost(Servers.DEADLINE)
                    .until(() -> http.get("/health/ready").status() == 503 && http.get("/health/ready").text("reason")
                            .matches("critical health gates not ready: .*\\bdatabase\\b.*"));
        } finally {
            admin("ALTER DATABASE " + DATABASE + " WITH ALLOW_CONNECTIONS true");
        }
        await("traffic back").atMost(Servers.DEADLINE).until(() -> http.get("/api/dreams").status() == 200);
        assertThat(http.get("/api/dreams/" + before).status()).isEqualTo(200);
        create("after the outage");
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
