package dev.dreamnet.runtime.kinds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dreamnet.core.health.CheckResult;
import dev.dreamnet.core.startup.Component;
import dev.dreamnet.core.startup.ServiceSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code migrations} kind over the {@code database} kind's pool, on an in-memory H2 database. */
class MigrationsComponentTest {

    @TempDir
    Path dir;
    final Kinds kinds = Kinds.builtIn("jdbc:h2:mem:kinds_" + ThreadLocalRandom.current().nextInt(1 << 30)
            + ";DB_CLOSE_DELAY=-1");
    final List<Component> started = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).stop();
        }
    }

    private Component start(ServiceSpec spec) throws Exception {
        Component component = kinds.resolve(spec);
        component.start();
        started.add(component);
        return component;
    }

    @Test
    void appliesTheBuiltInMigrationsAndIsReadyWhenNothingIsPending() throws Exception {
        start(ServiceSpec.builder("database").kind("database").build());
        MigrationsComponent migrations = (MigrationsComponent) start(
                ServiceSpec.builder("migrations").kind("migrations").dependsOn("database").build());

        assertThat(tables()).contains("DREAMS", "AUDIT_LOG", "AGENT_WORK", "EVENT_RELAY", "ROLLOUTS", "INSTANCES", "SHARED_STATE", "SCHEMA_MIGRATIONS");
        assertThat(migrations.check()).isEqualTo(CheckResult.pass("schema at V10, nothing pending"));
    }

    @Test
    void readsAFilesystemLocationAndTurnsUnreadyWhenAMigrationIsPending() throws Exception {
        Files.writeString(dir.resolve("V1__a.up.sql"), "CREATE TABLE a (id INT);");
        start(ServiceSpec.builder("database").kind("database").build());
        MigrationsComponent migrations = (MigrationsComponent) start(ServiceSpec.builder("migrations")
                .kind("migrations").readiness(Map.of("location", "filesystem:" + dir)).build());

        Files.writeString(dir.resolve("V2__b.up.sql"), "CREATE TABLE b (id INT);");

        assertThat(migrations.check()).isEqualTo(CheckResult.fail("1 pending: V2 b"));
    }

    @Test
    void anUnknownSettingIsRefusedNamingIt() {
        assertThatThrownBy(() -> kinds.resolve(ServiceSpec.builder("migrations").kind("migrations")
                .readiness(Map.of("locaton", "db/migration")).build()))
                .hasMessage("kind \"migrations\" has no readiness setting \"locaton\" (known: location)");
    }

    private List<String> tables() throws Exception {
        DatabaseComponent database = kinds.first(DatabaseComponent.class).orElseThrow();
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT table_name FROM information_schema.tables WHERE table_schema = 'PUBLIC'")) {
            List<String> names = new ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        }
    }
}
