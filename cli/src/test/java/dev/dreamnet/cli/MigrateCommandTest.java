package dev.dreamnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dreamnet migrate ...} in-process against an embedded H2 file in a temporary data directory. */
class MigrateCommandTest {

    @TempDir
    Path dataDir;
    @TempDir
    Path migrations;

    private Cli migrate(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "migrate";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--data-dir";
        all[args.length + 2] = dataDir.toString();
        return Cli.run(all);
    }

    @Test
    void upAppliesTheBuiltInMigrationsThenStatusShowsThemApplied() {
        Cli up = migrate("up");

        assertThat(up.exitCode()).as(up.err()).isZero();
        assertThat(up.out()).contains("  [1/10] applied V1 create_dreams (",
                        "  [7/10] applied V7 create_shared_state (",
                        "  [8/10] applied V8 rollouts_latency_effect (", "  [9/10] applied V9 create_slo_minutes (",
                        "  [10/10] applied V10 shared_brownout_pin (")
                .contains("applied 10 migration(s) in ");

        Cli status = migrate("status");
        assertThat(status.exitCode()).isZero();
        assertThat(status.out()).contains(": schema at V10, 10 applied, 0 pending\n")
                .containsPattern("V2 +APPLIED +create_audit_log +20\\d\\d-");
        assertThat(migrate("up").out()).contains("nothing to apply");
    }

    @Test
    void statusJsonListsEveryMigration() throws IOException {
        migrate("up");

        Cli status = migrate("status", "--json");

        JsonNode json = new ObjectMapper().readTree(status.out());
        assertThat(json.path("upToDate").asBoolean()).isTrue();
        assertThat(json.path("currentVersion").asLong()).isEqualTo(10);
        assertThat(json.path("migrations").get(0).path("checksum").asText()).startsWith("sha256:");
        assertThat(json.path("migrations").get(2).path("state").asText()).isEqualTo("APPLIED");
    }

    @Test
    void statusBeforeTheDatabaseExistsSaysSoInOneLine() {
        Cli status = migrate("status");

        assertThat(status.exitCode()).isEqualTo(3);
        assertThat(status.err()).isEqualTo("dreamnet: no database at " + dataDir.toAbsolutePath().resolve("dreamnet")
                + ".mv.db yet; dreamnet migrate up (or dreamnet serve) creates it\n");
        assertThat(Files.exists(dataDir.resolve("dreamnet.mv.db"))).isFalse();
    }

    @Test
    void downToATargetRollsBackNewestFirst() {
        migrate("up");

        Cli down = migrate("down", "--to", "V1");

        assertThat(down.exitCode()).as(down.err()).isZero();
        assertThat(down.out()).contains("[1/9] rolled back V10 shared_brownout_pin",
                "[2/9] rolled back V9 create_slo_minutes", "[3/9] rolled back V8 rollouts_latency_effect",
                "[4/9] rolled back V7 create_shared_state", "[5/9] rolled back V6 create_instances",
                "[9/9] rolled back V2 create_audit_log", "rolled back 9 migration(s) to V1");
        assertThat(migrate("status").out()).contains("schema at V1, 1 applied, 9 pending");
    }

    @Test
    void aBadTargetIsOneLineAndExit2() {
        Cli down = migrate("down", "--to", "three");

        assertThat(down.exitCode()).isEqualTo(2);
        assertThat(down.err()).isEqualTo("dreamnet: --to must be a version such as 3 or V3 (0 for none), was \"three\"\n");
    }

    @Test
    void anUnknownUrlSchemeIsOneLineAndExit2() {
        Cli status = Cli.run("migrate", "status", "--db", "mysql://user:secret@db/x");

        assertThat(status.exitCode()).isEqualTo(2);
        assertThat(status.err()).startsWith("dreamnet: --db must be a JDBC URL for PostgreSQL")
                .endsWith("was mysql://user:***@db/x\n");
    }

    @Test
    void anUnreachableDatabaseIsOneLineAndExit3() {
        Cli status = Cli.run("migrate", "status", "--db", "jdbc:postgresql://127.0.0.1:1/nothing?user=x&password=secret");

        assertThat(status.exitCode()).isEqualTo(3);
        assertThat(status.err()).startsWith("dreamnet: cannot connect to jdbc:postgresql://127.0.0.1:1/nothing?user=x&password=***: ")
                .doesNotContain("secret").hasLineCount(1);
    }

    @Test
    void aFailingMigrationNamesItselfAndExits1() throws IOException {
        Files.writeString(migrations.resolve("V1__ok.up.sql"), "CREATE TABLE ok (id INT);");
        Files.writeString(migrations.resolve("V2__broken.up.sql"), "INSERT INTO ok VALUES (1);\nINSERT INTO nope VALUES (1);");

        Cli up = migrate("up", "--migrations", migrations.toString());

        assertThat(up.exitCode()).isEqualTo(1);
        assertThat(up.out()).contains("[1/2] applied V1 ok");
        assertThat(up.err()).startsWith("dreamnet: migration V2 broken (").contains("V2__broken.up.sql) failed at: "
                + "INSERT INTO nope VALUES (1): Table \"NOPE\" not found").hasLineCount(1);
    }

    @Test
    void anEditedMigrationIsRefusedUntilRepaired() throws IOException {
        Files.writeString(migrations.resolve("V1__a.up.sql"), "CREATE TABLE a (id INT);");
        migrate("up", "--migrations", migrations.toString());
        Files.writeString(migrations.resolve("V1__a.up.sql"), "CREATE TABLE a (id BIGINT);");

        Cli refused = migrate("up", "--migrations", migrations.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("V1 a (").contains("run repair");

        Cli repair = migrate("repair", "--migrations", migrations.toString());
        assertThat(repair.exitCode()).isZero();
        assertThat(repair.out()).startsWith("repaired V1 a: checksum sha256:");
        assertThat(migrate("repair", "--migrations", migrations.toString()).out()).isEqualTo("nothing to repair\n");
        assertThat(migrate("up", "--migrations", migrations.toString()).exitCode()).isZero();
    }

    @Test
    void longRunsPrintProgressAtMostOnceASecondAndTheLastStep() throws IOException {
        for (int i = 1; i <= 25; i++) {
            Files.writeString(migrations.resolve("V" + i + "__t" + i + ".up.sql"), "CREATE TABLE t" + i + " (id INT);");
        }

        Cli up = migrate("up", "--migrations", migrations.toString());

        assertThat(up.exitCode()).isZero();
        assertThat(up.out()).contains("  [25/25] applied V25 t25").contains("applied 25 migration(s)");
        assertThat(up.out().lines().filter(line -> line.startsWith("  ["))).hasSizeLessThan(25);
    }

    @Test
    void aDatabaseHeldByARunningServerIsExplainedInOneLine() throws Exception {
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("dreamnet");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                HoldDatabase.class.getName(), url).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(lines.readLine()).isEqualTo("ready");

            Cli up = migrate("up");

            assertThat(up.exitCode()).isEqualTo(3);
            assertThat(up.err()).isEqualTo("dreamnet: the H2 database " + dataDir.toAbsolutePath().resolve("dreamnet")
                    + ".mv.db is in use by another process (a running dreamnet serve?); stop it first, or run the server"
                    + " with --db jdbc:postgresql://... to migrate while it runs\n");
        } finally {
            holder.destroyForcibly().waitFor();
        }
    }
}
