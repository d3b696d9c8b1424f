package dev.dreamnet.runtime.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.core.startup.Component;
import dev.dreamnet.core.startup.ServiceSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code migrations} kind on the real PostgreSQL at 127.0.0.1:5432, in a database of its own. */
class MigrationsComponentPostgresTest {

    private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

    @TempDir
    Path dir;
    final String database = "mig_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    Component pool;

    @BeforeEach
    void createDatabase() throws SQLException {
        admin("CREATE DATABASE " + database);
    }

    @AfterEach
    void dropDatabase() throws Exception {
        if (pool != null) {
            pool.stop();
        }
        admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    @Test
    void aStepLongerThanThePoolsReadTimeoutIsNotCutShort() throws Exception {
        // Regression guard: the database kind sets socketTimeout (1 s here) so a hung network cannot hold a
        // request; a migration step may legitimately take longer, and must not fail because of it.
        Files.writeString(dir.resolve("V1__slow.up.sql"), "CREATE TABLE slow (id INT);\nSELECT pg_sleep(2);");
        Kinds kinds = Kinds.builtIn("jdbc:postgresql://127.0.0.1:5432/" + database + "?user=postgres");
        pool = kinds.resolve(ServiceSpec.builder("database").kind("database").readiness(Map.of("timeout", "1s")).build());
        pool.start();
        MigrationsComponent migrations = (MigrationsComponent) kinds.resolve(ServiceSpec.builder("migrations")
                .kind("migrations").readiness(Map.of("location", "filesystem:" + dir)).build());

        migrations.start();

        assertThat(migrations.check().healthy()).isTrue();
        assertThat(migrations.migrator().status().currentVersion()).isEqualTo(1);
    }

    private static void admin(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(ADMIN_URL);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
