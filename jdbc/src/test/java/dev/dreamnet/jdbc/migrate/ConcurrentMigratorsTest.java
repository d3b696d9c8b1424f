package dev.dreamnet.jdbc.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several migrators in one JVM racing on one database: each migration is applied exactly once. */
class ConcurrentMigratorsTest {

    private static final int MIGRATIONS = 25;
    private static final int MIGRATORS = 3;

    @TempDir
    Path dir;

    @Test
    void threadsOnH2ApplyEachMigrationOnce() throws Exception {
        try (TestDb db = TestDb.h2()) {
            race(db);
        }
    }

    @Test
    void threadsOnPostgresApplyEachMigrationOnce() throws Exception {
        try (TestDb db = TestDb.postgres()) {
            race(db);
        }
    }

    @Test
    void waitingLongerThanTheLockTimeoutIsOneLine() throws Exception {
        try (TestDb db = TestDb.postgres(); var holder = db.dataSource().getConnection();
             var statement = holder.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(" + dev.dreamnet.jdbc.migrate.internal.MigrationLock.ADVISORY_KEY + ")");
            new MigrationFiles(dir).up(1, "a", "CREATE TABLE a (id INT);");

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Migrator.builder().dataSource(db.dataSource())
                    .source(MigrationSource.directory(dir)).lockTimeout(java.time.Duration.ofMillis(300)).build().up())
                    .isInstanceOf(MigrationException.class)
                    .hasMessage("another migrator held the migration lock for longer than the lock timeout (300 ms);"
                            + " try again when it is done");
            assertThat(db.tableExists("a")).isFalse();
            statement.execute("SELECT pg_advisory_unlock_all()");
        }
    }

    private void race(TestDb db) throws Exception {
        MigrationFiles files = new MigrationFiles(dir);
        for (int i = 1; i <= MIGRATIONS; i++) {
            files.up(i, "t" + i, "CREATE TABLE t" + i + " (id INT PRIMARY KEY);\nINSERT INTO t" + i + " VALUES (1);");
        }
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(MIGRATORS);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicInteger applied = new AtomicInteger();
        for (int m = 0; m < MIGRATORS; m++) {
            String name = "thread-" + m;
            new Thread(() -> {
                try {
                    start.await();
                    applied.addAndGet(Migrator.builder().dataSource(db.dataSource()).source(files.source())
                            .appliedBy(name).build().up().steps().size());
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            }, name).start();
        }
        start.countDown();

        assertThat(done.await(60, TimeUnit.SECONDS)).as("all migrators finished").isTrue();
        assertThat(failure.get()).as("first failure").isNull();
        assertThat(applied.get()).isEqualTo(MIGRATIONS);
        assertEachAppliedOnce(db, MIGRATIONS);
    }

    static void assertEachAppliedOnce(TestDb db, int migrations) {
        assertThat(db.query("SELECT count(*), count(DISTINCT version) FROM schema_migrations"))
                .containsExactly(migrations + "|" + migrations);
        StringBuilder union = new StringBuilder("SELECT sum(n) FROM (");
        for (int i = 1; i <= migrations; i++) {
            union.append(i > 1 ? " UNION ALL " : "").append("SELECT count(*) AS n FROM t").append(i);
        }
        assertThat(db.query(union.append(") counts").toString())).containsExactly(String.valueOf(migrations));
        assertThat(db.query("SELECT DISTINCT state FROM schema_migrations")).isEqualTo(List.of("applied"));
    }
}
