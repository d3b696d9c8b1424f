package dev.dreamnet.jdbc.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2 commits every DDL statement by itself, so a step that fails after DDL cannot be rolled back: the
 * migrator says so with a dirty mark instead of pretending, and stays clean when nothing was committed.
 */
class GuardedH2Test {

    @TempDir
    Path dir;
    TestDb db;
    MigrationFiles files;

    @BeforeEach
    void setUp() {
        db = TestDb.h2();
        files = new MigrationFiles(dir).up(1, "create", "CREATE TABLE a (id INT PRIMARY KEY);");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private Migrator migrator() {
        return Migrator.builder().dataSource(db.dataSource()).source(files.source()).build();
    }

    @Test
    void failureAfterACommittedDdlStatementLeavesADirtyMark() {
        files.up(2, "half", "CREATE TABLE b (id INT);\nINSERT INTO missing VALUES (1);");

        assertThatThrownBy(() -> migrator().up()).isInstanceOfSatisfying(MigrationFailedException.class, e -> {
            assertThat(e.dirty()).isTrue();
            assertThat(e.statement()).isEqualTo("INSERT INTO missing VALUES (1)");
        });
        assertThat(db.tableExists("b")).isTrue();
        assertThat(migrator().status().inState(MigrationState.DIRTY)).extracting(MigrationInfo::version)
                .containsExactly(2L);
        assertThat(migrator().status().inState(MigrationState.APPLIED)).extracting(MigrationInfo::version)
                .containsExactly(1L);
    }

    @Test
    void failureOfTheFirstStatementLeavesHistoryUntouched() {
        files.up(2, "bad", "CREATE TABLE a (id INT);\nCREATE TABLE c (id INT);");

        assertThatThrownBy(() -> migrator().up()).isInstanceOfSatisfying(MigrationFailedException.class,
                e -> assertThat(e.dirty()).isFalse());
        assertThat(db.query("SELECT version, state FROM schema_migrations")).containsExactly("1|applied");
        assertThat(db.tableExists("c")).isFalse();
    }

    @Test
    void failedDataOnlyStepRollsBackCompletely() {
        files.up(2, "data", "INSERT INTO a VALUES (1);\nINSERT INTO a VALUES (1);");

        assertThatThrownBy(() -> migrator().up()).isInstanceOfSatisfying(MigrationFailedException.class,
                e -> assertThat(e.dirty()).isFalse());
        assertThat(db.query("SELECT count(*) FROM a")).containsExactly("0");
        assertThat(migrator().status().inState(MigrationState.PENDING)).hasSize(1);
    }
}
