package dev.dreamnet.bench.migrate;

import dev.dreamnet.jdbc.JdbcUrlDataSource;
import dev.dreamnet.jdbc.migrate.MigrationSource;
import dev.dreamnet.jdbc.migrate.Migrator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.flywaydb.core.Flyway;

/**
 * Single-shot wall time of applying 1,000 small migrations ({@code CREATE TABLE tN} + one
 * {@code INSERT}) to an empty PostgreSQL database, then the median of five no-op re-runs (each a new
 * migrator, as a restarted process would build), for the DreamNet migrator and Flyway, each on a
 * database created for the run and dropped after. Rounds alternate which side goes first. Prints each
 * measurement, the medians, and the per-round ratio (both sides of a round saw similar machine load).
 * When {@code psql} is on the PATH, each round also times it applying the same SQL one transaction per
 * migration with synchronous commits (a floor for tools that commit durably per migration, and a gauge
 * of how loaded the machine was in that round); {@code -Dpsql=false} skips it.
 * Run: {@code java -cp bench/target/benchmarks.jar dev.dreamnet.bench.migrate.MigrationRace [rounds] [count]}
 * (PostgreSQL at 127.0.0.1:5432, user postgres, trust auth; {@code -Dpg.url=...} for another server
 * admin URL).
 */
public final class MigrationRace {

    /** Flyway logs a line per migration through java.util.logging; printing 1,000 lines is not what we time. */
    private static final java.util.logging.Logger FLYWAY_LOG = java.util.logging.Logger.getLogger("org.flywaydb");
    private static final String ADMIN = System.getProperty("pg.url", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");

    private MigrationRace() {
    }

    public static void main(String[] args) throws Exception {
        FLYWAY_LOG.setLevel(java.util.logging.Level.WARNING);
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        Path ours = Files.createTempDirectory("race-ours");
        Path flyway = Files.createTempDirectory("race-flyway");
        try {
            race(rounds, count, ours, flyway);
        } finally {
            for (Path dir : List.of(ours, flyway)) {
                try (var files = Files.walk(dir)) {
                    for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(file);
                    }
                }
            }
        }
    }

    private static void race(int rounds, int count, Path ours, Path flyway) throws Exception {
        generate(ours, flyway, count);
        List<long[]> oursTimes = new ArrayList<>();
        List<long[]> flywayTimes = new ArrayList<>();
        List<long[]> psqlTimes = new ArrayList<>();
        Path psqlScript = Files.createTempFile("race-psql", ".sql");
        Files.writeString(psqlScript, psqlScript(count));
        psqlScript.toFile().deleteOnExit();
        boolean psql = !"false".equals(System.getProperty("psql"));
        for (int round = 0; round < rounds; round++) {
            boolean oursFirst = round % 2 == 0;
            if (oursFirst) {
                oursTimes.add(onFreshDatabase(count, db -> ours(db, ours), "dreamnet", round));
            }
            flywayTimes.add(onFreshDatabase(count, db -> flyway(db, flyway), "flyway  ", round));
            if (!oursFirst) {
                oursTimes.add(onFreshDatabase(count, db -> ours(db, ours), "dreamnet", round));
            }
            if (psql) {
                psqlTimes.add(onFreshDatabase(count, db -> psql(db, psqlScript), "psql    ", round));
            }
        }
        summary("dreamnet", oursTimes);
        summary("flyway  ", flywayTimes);
        if (psql) {
            summary("psql    ", psqlTimes);
        }
        double[] ratios = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            ratios[round] = oursTimes.get(round)[0] / (double) flywayTimes.get(round)[0];
        }
        java.util.Arrays.sort(ratios);
        System.out.printf(Locale.ROOT, "apply time dreamnet / flyway per round: median %.2f, worst %.2f%n",
                ratios[rounds / 2], ratios[rounds - 1]);
    }

    static void generate(Path ours, Path flyway, int count) throws IOException {
        for (int i = 1; i <= count; i++) {
            String sql = "CREATE TABLE t" + i + " (id int primary key, v text);\nINSERT INTO t" + i + " VALUES (1, 'x');\n";
            String name = String.format(Locale.ROOT, "V%04d__t%d", i, i);
            Files.writeString(ours.resolve(name + ".up.sql"), sql);
            Files.writeString(ours.resolve(name + ".down.sql"), "DROP TABLE t" + i + ";\n");
            Files.writeString(flyway.resolve(name + ".sql"), sql);
        }
    }

    private static final int NO_OP_RUNS = 5;

    private static String psqlScript(int count) {
        StringBuilder script = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            script.append("BEGIN; CREATE TABLE t").append(i).append(" (id int primary key, v text); INSERT INTO t")
                    .append(i).append(" VALUES (1, 'x'); COMMIT;\n");
        }
        return script.toString();
    }

    /** psql applying the script; it has no no-op re-run, so that figure is 0. */
    private static long[] psql(String url, Path script) {
        String database = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
        long start = System.nanoTime();
        try {
            Process process = new ProcessBuilder("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-q",
                    "-v", "ON_ERROR_STOP=1", "-f", script.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (process.waitFor() != 0) {
                throw new IllegalStateException("psql exited with " + process.exitValue());
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new long[] {System.nanoTime() - start, 0};
    }

    /** Applies then re-runs; returns {apply nanos, median no-op re-run nanos}. */
    private static long[] ours(String url, Path dir) {
        JdbcUrlDataSource dataSource = new JdbcUrlDataSource(url);
        Runnable migrate = () -> Migrator.builder().dataSource(dataSource).source(MigrationSource.directory(dir))
                .build().up();
        return applyThenNoOps(migrate);
    }

    private static long[] flyway(String url, Path dir) {
        Runnable migrate = () -> Flyway.configure().dataSource(url, "postgres", null)
                .locations("filesystem:" + dir).load().migrate();
        return applyThenNoOps(migrate);
    }

    private static long[] applyThenNoOps(Runnable migrate) {
        long start = System.nanoTime();
        migrate.run();
        long apply = System.nanoTime() - start;
        long[] noOps = new long[NO_OP_RUNS];
        for (int i = 0; i < NO_OP_RUNS; i++) {
            long before = System.nanoTime();
            migrate.run();
            noOps[i] = System.nanoTime() - before;
        }
        java.util.Arrays.sort(noOps);
        return new long[] {apply, noOps[NO_OP_RUNS / 2]};
    }

    private static long[] onFreshDatabase(int count, Side side, String label, int round) throws SQLException {
        String name = "race_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
        admin("CREATE DATABASE " + name);
        try {
            String url = ADMIN.replace("/postgres?", "/" + name + "?");
            long[] times = side.run(url);
            verify(url, count);
            String noOp = times[1] == 0 ? "" : String.format(Locale.ROOT,
                    "   no-op re-run (median of 5) %,6.1f ms, of which connect + SELECT 1 %,5.1f ms",
                    times[1] / 1e6, connectFloor(url) / 1e6);
            System.out.printf(Locale.ROOT, "round %d %s: apply %,8.0f ms%s%n", round + 1, label, times[0] / 1e6, noOp);
            return times;
        } finally {
            admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    /** The median time of opening a new connection and running {@code SELECT 1}: what any no-op run pays. */
    private static long connectFloor(String url) throws SQLException {
        long[] times = new long[NO_OP_RUNS];
        for (int i = 0; i < NO_OP_RUNS; i++) {
            long start = System.nanoTime();
            try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
                statement.execute("SELECT 1");
            }
            times[i] = System.nanoTime() - start;
        }
        java.util.Arrays.sort(times);
        return times[NO_OP_RUNS / 2];
    }

    private static void verify(String url, int count) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT count(*) FROM pg_tables WHERE tablename ~ '^t[0-9]+$'")) {
            rows.next();
            if (rows.getInt(1) != count) {
                throw new IllegalStateException("expected " + count + " tables, found " + rows.getInt(1));
            }
        }
    }

    private static void summary(String label, List<long[]> times) {
        double[] apply = times.stream().mapToDouble(t -> t[0] / 1e6).sorted().toArray();
        double[] noop = times.stream().mapToDouble(t -> t[1] / 1e6).sorted().toArray();
        String noOp = noop[0] == 0 ? "" : String.format(Locale.ROOT, "   no-op re-run %,6.1f ms (best %.1f)",
                noop[noop.length / 2], noop[0]);
        System.out.printf(Locale.ROOT, "%s median: apply %,8.0f ms (best %,.0f)%s%n", label, apply[apply.length / 2],
                apply[0], noOp);
    }

    private static void admin(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(ADMIN); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @FunctionalInterface
    private interface Side {
        long[] run(String url) throws RuntimeException;
    }
}
