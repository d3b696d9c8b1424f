package dev.dreamnet.server.dreams;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

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
