package dev.dreamnet.jdbc.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.dreamnet.jdbc.migrate.internal.HistoryDigest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run with nothing pending decides from a digest of the history computed by the database (one row)
 * instead of reading every row: it must still refuse an edited file, still apply a pending one, and see
 * every change to the table, whoever made it. Subclasses give the database.
 */
abstract class NoOpFastPathContract {

    @TempDir
    Path dir;
    TestDb db;
    MigrationFiles files;

    abstract TestDb newDb();

    @BeforeEach
    void setUp() {
        db = newDb();
        files = new MigrationFiles(dir).up(1, "create", "CREATE TABLE t (id INT PRIMARY KEY);")
                .down(1, "create", "DROP TABLE t;")
                .up(2, "seed", "INSERT INTO t VALUES (1);")
                .down(2, "seed", "DELETE FROM t;");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    Migrator migrator() {
        return Migrator.builder().dataSource(db.dataSource()).source(files.source()).appliedBy("test/1").build();
    }

    @Test
    void theDatabasesDigestEqualsTheMigrationsOwnAfterUpRepairAndDown() throws SQLException {
        migrator().up();
        assertThat(recorded()).isPresent().isEqualTo(HistoryDigest.of(files.source().load()));

        files.up(2, "seed", "INSERT INTO t VALUES (1); -- edited");
        assertThat(recorded()).isNotEqualTo(HistoryDigest.of(files.source().load()));
        migrator().repair();
        assertThat(recorded()).isEqualTo(HistoryDigest.of(files.source().load()));

        migrator().down(1);
        assertThat(recorded()).isEqualTo(HistoryDigest.of(files.source().load().subList(0, 1)));
    }

    @Test
    void aNoOpRunReadsTheDigestNotTheRows() {
        migrator().up();
        // The full read needs every column; the digest only version, checksum and state.
        db.execute("ALTER TABLE schema_migrations DROP COLUMN duration_ms");

        assertThat(migrator().up().steps()).isEmpty();
        assertThatThrownBy(() -> migrator().status())
                .hasMessageStartingWith("schema_migrations exists but not with the columns");
    }

    @Test
    void anAppliedFileEditedAfterANoOpRunIsStillRefused() {
        migrator().up();
        assertThat(migrator().up().steps()).isEmpty();

        files.up(1, "create", "CREATE TABLE t (id BIGINT PRIMARY KEY);");

        assertThatThrownBy(() -> migrator().up()).isInstanceOfSatisfying(ChecksumMismatchException.class,
                e -> assertThat(e.changed()).extracting(MigrationInfo::version).containsExactly(1L));
    }

    @Test
    void aPendingMigrationStillRunsAfterANoOpRun() {
        migrator().up();
        assertThat(migrator().up().steps()).isEmpty();

        files.up(3, "more", "INSERT INTO t VALUES (3);");

        assertThat(migrator().up().steps()).extracting(MigrationRun.Step::version).containsExactly(3L);
        assertThat(migrator().up().steps()).isEmpty();
    }

    @Test
    void aRowDeletedByHandIsSeenAndItsMigrationRunsAgain() {
        migrator().up();
        db.execute("DELETE FROM t");
        db.execute("DELETE FROM schema_migrations WHERE version = 2");

        assertThat(migrator().up().steps()).extracting(MigrationRun.Step::version).containsExactly(2L);
        assertThat(db.query("SELECT count(*) FROM t")).containsExactly("1");
    }

    @Test
    void aChecksumOrStateChangedByHandIsSeen() {
        migrator().up();
        db.execute("UPDATE schema_migrations SET checksum = 'sha256:0' WHERE version = 1");
        assertThatThrownBy(() -> migrator().up()).isInstanceOf(ChecksumMismatchException.class);

        migrator().repair();
        db.execute("UPDATE schema_migrations SET state = 'dirty-up' WHERE version = 2");
        assertThatThrownBy(() -> migrator().up()).isInstanceOf(DirtyMigrationException.class);
    }

    @Test
    void anAppliedVersionUnknownHereTakesTheFullReadAndStillDoesNothing() {
        migrator().up();
        files.delete("V2__seed.up.sql").delete("V2__seed.down.sql");

        assertThat(migrator().up().steps()).isEmpty();
        assertThat(migrator().status().inState(MigrationState.MISSING)).hasSize(1);
    }

    @Test
    void aForeignTableIsNamedAlsoWhenThePoolHandsOutConnectionsOutsideAutoCommit() {
        db.execute("CREATE TABLE schema_migrations (version BIGINT PRIMARY KEY, dirty BOOLEAN NOT NULL)");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.url());
        config.setAutoCommit(false);
        try (HikariDataSource manual = new HikariDataSource(config)) {
            Migrator migrator = Migrator.builder().dataSource(manual).source(files.source()).build();

            assertThatThrownBy(migrator::up).hasMessageStartingWith(
                    "schema_migrations exists but not with the columns this migrator writes");
        }
    }

    @Test
    void aChecksumWithALineBreakCannotBeComparedByDigest() {
        assertThat(HistoryDigest.of(List.of(javaMigration("java:\n1")))).isEmpty();
        assertThat(HistoryDigest.of(List.of(javaMigration("java:1")))).isPresent();
    }

    private Optional<HistoryDigest> recorded() throws SQLException {
        try (Connection connection = db.dataSource().getConnection()) {
            return HistoryDigest.read(connection);
        }
    }

    private static Migration javaMigration(String checksum) {
        return new Migration() {
            public long version() {
                return 1;
            }

            public String name() {
                return "java";
            }

            public String checksum() {
                return checksum;
            }

            public void up(Connection connection) {
            }

            public void down(Connection connection) {
            }
        };
    }
}
