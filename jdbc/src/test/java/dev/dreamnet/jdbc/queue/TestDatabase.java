package dev.dreamnet.jdbc.queue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A database of its own for one test class: an H2 in-memory database, or a PostgreSQL database
 * {@code q_<random>} on the local server, dropped on close. Not thread-safe; its data source is.
 */
final class TestDatabase implements AutoCloseable {

    static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";

    private final HikariDataSource dataSource;
    private final String postgresName;

    private TestDatabase(HikariDataSource dataSource, String postgresName) {
        this.dataSource = dataSource;
        this.postgresName = postgresName;
    }

    static TestDatabase h2() {
        return new TestDatabase(pool("jdbc:h2:mem:q_" + suffix() + ";DB_CLOSE_DELAY=-1", "sa"), null);
    }

    static TestDatabase postgres() throws SQLException {
        String name = "q_" + suffix();
        admin("CREATE DATABASE " + name);
        return new TestDatabase(pool(POSTGRES + name, "postgres"), name);
    }

    DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() throws SQLException {
        dataSource.close();
        if (postgresName != null) {
            admin("DROP DATABASE IF EXISTS " + postgresName + " WITH (FORCE)");
        }
    }

    private static HikariDataSource pool(String url, String user) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setMaximumPoolSize(8);
        return new HikariDataSource(config);
    }

    private static void admin(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String suffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
    }
}
