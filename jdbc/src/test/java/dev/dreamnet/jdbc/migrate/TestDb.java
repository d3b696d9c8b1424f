package dev.dreamnet.jdbc.migrate;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * A real database of its own for one test: an H2 in-memory database, or a {@code mig_<random>}
 * database on the PostgreSQL at 127.0.0.1:5432, dropped on {@link #close()}. Never a mock.
 */
final class TestDb implements AutoCloseable {

    static final String PG_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

    private final String url;
    private final String pgDatabase;
    private final HikariDataSource pool;

    private TestDb(String url, String pgDatabase) {
        this.url = url;
        this.pgDatabase = pgDatabase;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(0);
        this.pool = new HikariDataSource(config);
    }

    static TestDb h2() {
        return new TestDb("jdbc:h2:mem:mig_" + suffix() + ";DB_CLOSE_DELAY=-1", null);
    }

    static TestDb postgres() {
        String name = "mig_" + suffix();
        pgAdmin("CREATE DATABASE " + name);
        return new TestDb(pgUrl(name), name);
    }

    static String pgUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:5432/" + database + "?user=postgres";
    }

    private static String suffix() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    }

    static void pgAdmin(String sql) {
        try (Connection connection = DriverManager.getConnection(PG_ADMIN_URL);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at 127.0.0.1:5432 (user postgres) is needed for this test and"
                    + " refused \"" + sql + "\": " + e.getMessage(), e);
        }
    }

    DataSource dataSource() {
        return pool;
    }

    String url() {
        return url;
    }

    String pgDatabase() {
        return pgDatabase;
    }

    boolean isPostgres() {
        return pgDatabase != null;
    }

    /** The rows of {@code sql}, each row's columns joined with {@code |}. */
    List<String> query(String sql) {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String> result = new ArrayList<>();
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(String.valueOf(rows.getObject(i)));
                }
                result.add(String.join("|", values));
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    void execute(String sql) {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    boolean tableExists(String table) {
        String sql = isPostgres()
                ? "SELECT count(*) FROM information_schema.tables WHERE table_name = '" + table + "'"
                : "SELECT count(*) FROM information_schema.tables WHERE lower(table_name) = '" + table + "'";
        return !query(sql).get(0).equals("0");
    }

    @Override
    public void close() {
        pool.close();
        if (pgDatabase != null) {
            pgAdmin("DROP DATABASE IF EXISTS " + pgDatabase + " WITH (FORCE)");
        }
    }
}
