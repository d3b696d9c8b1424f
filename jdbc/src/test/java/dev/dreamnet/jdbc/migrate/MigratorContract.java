package dev.dreamnet.jdbc.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dreamnet.core.time.FakeClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every database must do with the migrator; subclasses give the database. */
abstract class MigratorContract {

    @TempDir
    Path dir;
    TestDb db;
    MigrationFiles files;
    final FakeClock clock = new FakeClock();
    final List<MigrationEvent> events = new CopyOnWriteArrayList<>();

    abstract TestDb newDb();

    @BeforeEach
    void setUp() {
        db = newDb();
        files = new MigrationFiles(dir);
        files.up(1, "create_dreams", "CREATE TABLE dreams (id INT PRIMARY KEY, title VARCHAR(100));\n")
                .down(1, "create_dreams", "DROP TABLE dreams;")
                .up(2, "seed_dreams", "INSERT INTO dreams VALUES (1, 'flying');\nINSERT INTO dreams VALUES (2, 'falling; twice');")
                .down(2, "seed_dreams", "DELETE FROM dreams WHERE id IN (1, 2);");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    Migrator migrator() {
        return Migrator.builder().dataSource(db.dataSource()).source(files.source()).appliedBy("test/1")
                .clock(clock).progress(events::add).lockTimeout(Duration.ofSeconds(30)).build();
    }

    @Test
    void appliesPendingMigrationsInVersionOrderAndRecordsThem() {
        MigrationRun run = migrator().up();

        assertThat(run.steps()).extracting(MigrationRun.Step::version).containsExactly(1L, 2L);
        assertThat(db.query("SELECT title FROM dreams ORDER BY id")).containsExactly("flying", "falling; twice");
        assertThat(db.query("SELECT version, name, applied_by, state FROM schema_migrations ORDER BY version"))
                .containsExactly("1|create_dreams|test/1|applied", "2|seed_dreams|test/1|applied");
        assertThat(db.query("SELECT checksum FROM schema_migrations")).allMatch(c -> c.matches("sha256:[0-9a-f]{64}"));
        assertThat(migrator().status().inState(MigrationState.APPLIED)).hasSize(2);
    }

    @Test
    void reRunWithNothingPendingDoesNothing() {
        migrator().up();
        events.clear();

        MigrationRun again = migrator().up();

        assertThat(again.steps()).isEmpty();
        assertThat(events).isEmpty();
        assertThat(db.query("SELECT count(*) FROM dreams")).containsExactly("2");
    }

    @Test
    void onlyPendingMigrationsRunWhenNewOnesArrive() {
        migrator().up();
        files.up(3, "more", "INSERT INTO dreams VALUES (3, 'teeth');");

        MigrationRun run = migrator().up();

        assertThat(run.steps()).extracting(MigrationRun.Step::version).containsExactly(3L);
        assertThat(db.query("SELECT count(*) FROM dreams")).containsExactly("3");
    }

    @Test
    void progressListenerHearsEachStepStartAndFinish() {
        migrator().up();

        assertThat(events).extracting(e -> e.getClass().getSimpleName() + " V" + e.version() + " " + e.index()
                + "/" + e.total()).containsExactly("Starting V1 1/2", "Finished V1 1/2", "Starting V2 2/2",
                "Finished V2 2/2");
    }

    @Test
    void aThrowingListenerDoesNotBreakTheRun() {
        Migrator migrator = Migrator.builder().dataSource(db.dataSource()).source(files.source())
                .progress(event -> {
                    throw new IllegalStateException("listener bug");
                }).build();

        assertThat(migrator.up().steps()).hasSize(2);
    }

    @Test
    void failureHalfWayRollsBackTheMigrationAndLeavesHistoryUntouched() {
        migrator().up();
        files.up(3, "bad", "INSERT INTO dreams VALUES (3, 'teeth');\nINSERT INTO no_such_table VALUES (1);");

        assertThatThrownBy(() -> migrator().up())
                .isInstanceOfSatisfying(MigrationFailedException.class, e -> {
                    assertThat(e.version()).isEqualTo(3);
                    assertThat(e.dirty()).isFalse();
                    assertThat(e.statement()).isEqualTo("INSERT INTO no_such_table VALUES (1)");
                    assertThat(e.location()).endsWith("V3__bad.up.sql");
                    assertThat(e.getMessage()).contains("V3 bad", "V3__bad.up.sql", "no_such_table",
                            "rolled back, history unchanged").doesNotContain("\n");
                });
        assertThat(db.query("SELECT count(*) FROM dreams")).containsExactly("2");
        assertThat(db.query("SELECT version FROM schema_migrations ORDER BY version")).containsExactly("1", "2");
        assertThat(migrator().status().inState(MigrationState.PENDING)).extracting(MigrationInfo::version)
                .containsExactly(3L);
    }

    @Test
    void aChangedAppliedMigrationIsRefusedListingEachMismatchUntilRepaired() {
        migrator().up();
        files.up(1, "create_dreams", "CREATE TABLE dreams (id INT PRIMARY KEY, title VARCHAR(200));\n")
                .up(2, "seed_dreams", "INSERT INTO dreams VALUES (1, 'flying');")
                .up(3, "more", "INSERT INTO dreams VALUES (3, 'teeth');");

        assertThatThrownBy(() -> migrator().up())
                .isInstanceOfSatisfying(ChecksumMismatchException.class, e -> {
                    assertThat(e.changed()).extracting(MigrationInfo::version).containsExactly(1L, 2L);
                    assertThat(e.getMessage()).contains("V1 create_dreams", "V2 seed_dreams", "repair");
                });
        assertThat(migrator().status().inState(MigrationState.CHANGED)).hasSize(2);

        RepairResult repair = migrator().repair();

        assertThat(repair.changes()).hasSize(2).allMatch(line -> line.contains("checksum"));
        assertThat(migrator().up().steps()).extracting(MigrationRun.Step::version).containsExactly(3L);
        assertThat(migrator().repair().changes()).isEmpty();
    }

    @Test
    void downRevertsToTheTargetInReverseOrder() {
        files.up(3, "more", "INSERT INTO dreams VALUES (3, 'teeth');").down(3, "more", "DELETE FROM dreams WHERE id = 3;");
        migrator().up();
        events.clear();

        MigrationRun run = migrator().down(1);

        assertThat(run.direction()).isEqualTo(Direction.DOWN);
        assertThat(run.steps()).extracting(MigrationRun.Step::version).containsExactly(3L, 2L);
        assertThat(db.query("SELECT count(*) FROM dreams")).containsExactly("0");
        assertThat(db.query("SELECT version FROM schema_migrations")).containsExactly("1");

        migrator().down(0);
        assertThat(db.tableExists("dreams")).isFalse();
        assertThat(db.query("SELECT count(*) FROM schema_migrations")).containsExactly("0");
        assertThat(migrator().up().steps()).hasSize(3);
    }

    @Test
    void downThroughAMigrationWithoutDownFileIsRefusedBeforeAnythingRuns() {
        files.up(3, "more", "INSERT INTO dreams VALUES (3, 'teeth');");
        migrator().up();

        assertThatThrownBy(() -> migrator().down(1))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("V3 more has no down step (no ").hasMessageContaining("V3__more.down.sql")
                .hasMessageContaining("nothing was changed");
        assertThat(db.query("SELECT count(*) FROM schema_migrations")).containsExactly("3");
        assertThat(migrator().down(3).steps()).isEmpty();
    }

    @Test
    void downOfAnUnknownAppliedVersionIsRefused() {
        files.up(3, "more", "INSERT INTO dreams VALUES (3, 'teeth');").down(3, "more", "DELETE FROM dreams;");
        migrator().up();
        files.delete("V3__more.up.sql").delete("V3__more.down.sql");

        assertThat(migrator().status().inState(MigrationState.MISSING)).extracting(MigrationInfo::version)
                .containsExactly(3L);
        assertThat(migrator().up().steps()).isEmpty();
        assertThatThrownBy(() -> migrator().down(0)).hasMessageContaining("V3 more was applied but is not known here");
    }

    @Test
    void javaMigrationsRunBesideSqlOnes() {
        Migration java = new Migration() {
            public long version() {
                return 5;
            }

            public String name() {
                return "java_step";
            }

            public String checksum() {
                return "java:1";
            }

            public void up(java.sql.Connection connection) throws java.sql.SQLException {
                try (var statement = connection.prepareStatement("INSERT INTO dreams VALUES (?, ?)")) {
                    statement.setInt(1, 5);
                    statement.setString(2, "from java");
                    statement.executeUpdate();
                }
            }

            public void down(java.sql.Connection connection) throws java.sql.SQLException {
                connection.createStatement().execute("DELETE FROM dreams WHERE id = 5");
            }
        };
        Migrator migrator = Migrator.builder().dataSource(db.dataSource()).clock(clock)
                .source(MigrationSource.combine(files.source(), MigrationSource.of(java))).build();

        migrator.up();
        assertThat(db.query("SELECT title FROM dreams WHERE id = 5")).containsExactly("from java");
        assertThat(db.query("SELECT checksum FROM schema_migrations WHERE version = 5")).containsExactly("java:1");

        migrator.down(2);
        assertThat(db.query("SELECT count(*) FROM dreams WHERE id = 5")).containsExactly("0");
    }

    @Test
    void statusListsPendingBeforeTheHistoryTableExists() {
        MigrationStatus status = migrator().status();

        assertThat(status.migrations()).extracting(MigrationInfo::state)
                .containsExactly(MigrationState.PENDING, MigrationState.PENDING);
        assertThat(status.upToDate()).isFalse();
        assertThat(db.tableExists("schema_migrations")).isFalse();
    }

    @Test
    void aSchemaMigrationsTableOfAnotherToolIsNamedNotMisread() {
        db.execute("CREATE TABLE schema_migrations (version BIGINT PRIMARY KEY, dirty BOOLEAN NOT NULL)");

        assertThatThrownBy(() -> migrator().up()).isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("schema_migrations exists but not with the columns this migrator writes");
    }

    @Test
    void historyRecordsTheInjectedClock() {
        migrator().up();

        assertThat(migrator().status().migrations().get(0).appliedAt()).isEqualTo(clock.now());
    }
}
