package dev.dreamnet.jdbc.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Separate JVM processes migrating one real PostgreSQL database: racing, and killed mid-step. */
class MigratorProcessesPostgresTest {

    private static final Duration DEADLINE = Duration.ofSeconds(90);

    @TempDir
    Path dir;
    TestDb db;
    final List<Process> processes = new ArrayList<>();

    @BeforeEach
    void setUp() {
        db = TestDb.postgres();
    }

    @AfterEach
    void tearDown() {
        processes.forEach(Process::destroyForcibly);
        db.close();
    }

    @Test
    void threeProcessesAtOnceApplyEachMigrationExactlyOnce() throws Exception {
        MigrationFiles files = new MigrationFiles(dir);
        int migrations = 40;
        for (int i = 1; i <= migrations; i++) {
            files.up(i, "t" + i, "CREATE TABLE t" + i + " (id INT PRIMARY KEY);\nINSERT INTO t" + i + " VALUES (1);");
        }
        for (int p = 0; p < 3; p++) {
            processes.add(spawn("process-" + p, db.url()));
        }

        int applied = 0;
        for (Process process : processes) {
            assertThat(process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)).as("process finished").isTrue();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(output).isZero();
            applied += Integer.parseInt(output.substring(output.lastIndexOf("applied ") + 8).strip());
        }

        assertThat(applied).isEqualTo(migrations);
        ConcurrentMigratorsTest.assertEachAppliedOnce(db, migrations);
        assertThat(db.query("SELECT count(DISTINCT applied_by) FROM schema_migrations")).isNotEmpty();
    }

    @Test
    void aProcessKilledInsideAMigrationLeavesNoLockAndTheNextRunConverges() throws Exception {
        new MigrationFiles(dir)
                .up(1, "first", "CREATE TABLE first (id INT);")
                .up(2, "slow", "CREATE TABLE slow (id INT);\n"
                        + "SELECT pg_sleep(CASE current_setting('application_name') WHEN 'victim' THEN 60 ELSE 0 END);\n"
                        + "INSERT INTO slow VALUES (1);")
                .up(3, "last", "CREATE TABLE last (id INT);");
        Process victim = spawn("victim", db.url() + "&ApplicationName=victim");
        processes.add(victim);
        await("the slow step is running").atMost(DEADLINE).pollInterval(Duration.ofMillis(100))
                .until(() -> !db.query("SELECT pid FROM pg_stat_activity WHERE datname = '" + db.pgDatabase()
                        + "' AND query LIKE 'SELECT pg_sleep%'").isEmpty());

        victim.destroyForcibly();
        assertThat(victim.waitFor(30, TimeUnit.SECONDS)).isTrue();
        await("the killed process's sessions are gone").atMost(DEADLINE).until(() -> db.query(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'victim'").equals(List.of("0")));

        MigrationRun run = Migrator.builder().dataSource(db.dataSource()).source(MigrationSource.directory(dir))
                .appliedBy("survivor").lockTimeout(DEADLINE).build().up();

        assertThat(run.steps()).extracting(MigrationRun.Step::version).containsExactly(2L, 3L);
        assertThat(db.query("SELECT version, applied_by FROM schema_migrations ORDER BY version"))
                .containsExactly("1|victim", "2|survivor", "3|survivor");
        assertThat(db.query("SELECT count(*) FROM slow")).containsExactly("1");
        assertThat(db.query("SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database"
                + " WHERE l.locktype = 'advisory' AND d.datname = '" + db.pgDatabase() + "'")).containsExactly("0");
    }

    private Process spawn(String name, String url) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), MigrateMain.class.getName(),
                url, dir.toString(), name).redirectErrorStream(true).start();
    }
}
