package dev.dreamnet.jdbc.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code CREATE INDEX CONCURRENTLY} on the real PostgreSQL: the dirty mark and both repair paths. */
class NonTransactionalPostgresTest {

    private static final String INDEX = "-- dreamnet: non-transactional\n"
            + "CREATE INDEX CONCURRENTLY IF NOT EXISTS dreams_title ON dreams (title);\n"
            + "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS dreams_kind ON dreams (kind);\n";

    @TempDir
    Path dir;
    TestDb db;
    MigrationFiles files;

    @BeforeEach
    void setUp() {
        db = TestDb.postgres();
        files = new MigrationFiles(dir)
                .up(1, "create_dreams", "CREATE TABLE dreams (id INT PRIMARY KEY, title TEXT, kind TEXT);\n"
                        + "INSERT INTO dreams VALUES (1, 'a', 'lucid'), (2, 'b', 'lucid');")
                .up(2, "index_dreams", INDEX)
                .down(2, "index_dreams", "-- dreamnet: non-transactional\n"
                        + "DROP INDEX CONCURRENTLY IF EXISTS dreams_kind;\nDROP INDEX CONCURRENTLY IF EXISTS dreams_title;");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private Migrator migrator() {
        return Migrator.builder().dataSource(db.dataSource()).source(files.source()).appliedBy("test").build();
    }

    @Test
    void nonTransactionalStepsRunOutsideATransactionAndEndApplied() {
        files.up(1, "create_dreams", "CREATE TABLE dreams (id INT PRIMARY KEY, title TEXT, kind TEXT);");
        migrator().up();

        assertThat(db.query("SELECT indexname FROM pg_indexes WHERE tablename = 'dreams' ORDER BY indexname"))
                .containsExactly("dreams_kind", "dreams_pkey", "dreams_title");
        assertThat(db.query("SELECT state FROM schema_migrations WHERE version = 2")).containsExactly("applied");

        migrator().down(1);
        assertThat(db.query("SELECT count(*) FROM pg_indexes WHERE tablename = 'dreams'")).containsExactly("1");
    }

    @Test
    void aFailureLeavesADirtyMarkThatBlocksUpUntilRepairedThenRerun() {
        assertThatThrownBy(() -> migrator().up())
                .isInstanceOfSatisfying(MigrationFailedException.class, e -> {
                    assertThat(e.dirty()).isTrue();
                    assertThat(e.statement()).startsWith("CREATE UNIQUE INDEX CONCURRENTLY");
                    assertThat(e.getMessage()).contains("V2 index_dreams", "could not create unique index",
                            "marked dirty", "repair");
                });
        assertThat(migrator().status().inState(MigrationState.DIRTY)).extracting(MigrationInfo::version)
                .containsExactly(2L);
        assertThat(db.query("SELECT indexname FROM pg_indexes WHERE tablename = 'dreams' ORDER BY indexname"))
                .as("the first statement stays applied, and PostgreSQL leaves the failed index behind INVALID")
                .containsExactly("dreams_kind", "dreams_pkey", "dreams_title");

        files.up(3, "later", "SELECT 1;");
        assertThatThrownBy(() -> migrator().up()).isInstanceOf(DirtyMigrationException.class)
                .hasMessageContaining("V2 index_dreams is dirty (up step started by test and never finished)");
        assertThatThrownBy(() -> migrator().down(0)).isInstanceOf(DirtyMigrationException.class);

        db.execute("UPDATE dreams SET kind = 'nightmare' WHERE id = 2");
        db.execute("DROP INDEX dreams_kind");
        RepairResult repair = migrator().repair(DirtyAction.RERUN);
        assertThat(repair.changes()).containsExactly(
                "V2 index_dreams: dirty up step -> not applied (up will run it again)");

        assertThat(migrator().up().steps()).extracting(MigrationRun.Step::version).containsExactly(2L, 3L);
        assertThat(db.query("SELECT indisvalid FROM pg_index WHERE indexrelid = 'dreams_kind'::regclass"))
                .containsExactly("true");
        assertThat(migrator().status().upToDate()).isTrue();
    }

    @Test
    void repairMarkDoneAcceptsAStepFinishedByHand() {
        assertThatThrownBy(() -> migrator().up()).isInstanceOf(MigrationFailedException.class);

        db.execute("DROP INDEX dreams_kind");
        db.execute("CREATE INDEX dreams_kind ON dreams (kind)");
        assertThat(migrator().repair().changes()).containsExactly("V2 index_dreams: dirty up step -> applied");

        assertThat(migrator().up().steps()).isEmpty();
        assertThat(migrator().status().inState(MigrationState.APPLIED)).hasSize(2);
    }
}
