package dev.dreamnet.jdbc.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression: a migrator that saw, without the lock, the dirty mark of a step another migrator was
 * running at that moment refused with "is dirty" instead of waiting for the lock and then finding
 * the step done. On H2, where a step that holds DDL is guarded by a committed dirty mark.
 */
class InProgressStepTest {

    @TempDir
    Path dir;

    @Test
    void aDirtyMarkHeldUnderTheLockIsWaitedForNotRefused() throws Exception {
        Files.writeString(dir.resolve("V1__a.up.sql"), "CREATE TABLE a (id INT);");
        try (TestDb db = TestDb.h2()) {
            Migrator migrator = Migrator.builder().dataSource(db.dataSource()).source(MigrationSource.directory(dir))
                    .build();
            migrator.up();
            Files.writeString(dir.resolve("V2__b.up.sql"), "CREATE TABLE b (id INT);");
            String checksum = MigrationSource.directory(dir).load().get(1).checksum();

            try (Connection lock = db.dataSource().getConnection(); Connection other = db.dataSource().getConnection()) {
                lock.setAutoCommit(false);
                try (Statement statement = lock.createStatement()) {
                    statement.executeQuery("SELECT id FROM schema_migrations_lock WHERE id = 1 FOR UPDATE").close();
                }
                mark(other, checksum, "dirty-up"); // another migrator, mid-step on V2, holding the lock

                CompletableFuture<MigrationRun> second = CompletableFuture.supplyAsync(migrator::up);
                await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> !second.isDone());

                try (Statement statement = other.createStatement()) {
                    statement.execute("CREATE TABLE b (id INT)");
                    statement.executeUpdate("UPDATE schema_migrations SET state = 'applied' WHERE version = 2");
                }
                lock.commit(); // the other migrator finishes its step and lets go of the lock

                MigrationRun run = second.get(10, TimeUnit.SECONDS);
                assertThat(run.steps()).as("nothing left to do, and no dirty refusal").isEmpty();
            }
        }
    }

    private static void mark(Connection connection, String checksum, String state) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO schema_migrations (version, name, "
                + "checksum, applied_at, duration_ms, applied_by, state) VALUES (2, 'b', ?, ?, 0, 'other', ?)")) {
            insert.setString(1, checksum);
            insert.setTimestamp(2, Timestamp.from(Instant.now()));
            insert.setString(3, state);
            insert.executeUpdate();
        }
    }
}
