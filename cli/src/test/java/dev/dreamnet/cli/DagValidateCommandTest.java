package dev.dreamnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dreamnet dag validate}: exit 0 and a "valid" line (and one note when kinds are the application's own), or
 * exit 1 and exactly one line per problem.
 */
class DagValidateCommandTest {

    @TempDir
    Path dir;

    @Test
    void theShippedGraphIsValid() {
        // Regression: the agents' kinds (citadel, dronedome) were registered only by the server, so validate
        // refused the shipped graph with "unknown kind".
        Cli cli = Cli.run("dag", "validate", "../deploy/graph.json");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).isEqualTo(
                "../deploy/graph.json: valid, 9 services, longest chain 4: database -> migrations -> core -> outbox\n");
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void aCycleIsOneLineWithItsFullPath() throws IOException {
        Path file = graph("{\"name\": \"a\", \"dependsOn\": [\"b\"]}, {\"name\": \"b\", \"dependsOn\": [\"a\"]}");

        assertRefusedWith(Cli.run("dag", "validate", file.toString()),
                file + ": service \"a\": dependsOn: dependency cycle: a -> b -> a");
    }

    @Test
    void anUnknownDependencyIsOneLineWithADidYouMean() throws IOException {
        Path file = graph("{\"name\": \"queues\", \"kind\": \"database\"}, {\"name\": \"api\", \"dependsOn\": [\"qeues\"]}");

        assertRefusedWith(Cli.run("dag", "validate", file.toString()),
                file + ": service \"api\": dependsOn: unknown service \"qeues\" (did you mean \"queues\"?)");
    }

    /** Every service of an application's own kind was refused with its own "unknown kind" line: no user's graph validated. */
    @Test
    void kindsThisBuildDoesNotKnowAreListedInOneNoteAndTheGraphIsValid() throws IOException {
        Path file = graph("{\"name\": \"ledger\"}, {\"name\": \"billing\", \"dependsOn\": [\"ledger\"]},"
                + " {\"name\": \"worker\", \"kind\": \"worker\", \"dependsOn\": [\"ledger\"]},"
                + " {\"name\": \"worker-2\", \"kind\": \"worker\", \"dependsOn\": [\"ledger\"]}");

        Cli cli = Cli.run("dag", "validate", file.toString());

        assertValidWithNote(cli, "note: 4 services use kinds this build does not know (their own components):"
                + " ledger, billing, worker; checked for structure only, --kinds to require them");
        assertThat(cli.out()).isEqualTo(file + ": valid, 4 services, longest chain 2: ledger -> billing\n");
    }

    @Test
    void anUnknownKindCloseToAKnownOneIsNotedWithADidYouMean() throws IOException {
        Path file = graph("{\"name\": \"db\", \"kind\": \"databse\"}");

        assertValidWithNote(Cli.run("dag", "validate", file.toString()), "note: 1 service uses a kind this build does not"
                + " know (its own component): databse (did you mean \"database\"?); checked for structure only,"
                + " --kinds to require them");
    }

    @Test
    void withKindsAnUnknownKindIsOneLineWithADidYouMeanAndTheKnownKinds() throws IOException {
        Path file = graph("{\"name\": \"db\", \"kind\": \"databse\"}");

        assertRefusedWith(Cli.run("dag", "validate", "--kinds", file.toString()), file + ": service \"db\": kind: unknown kind "
                + "\"databse\" (did you mean \"database\"?); known kinds: api, audit, citadel, core, database, dronedome, http, migrations, outbox, queues, schema, tcp");
    }

    @Test
    void aBadSettingOfAKnownKindIsRefusedEvenBesideKindsThisBuildDoesNotKnow() throws IOException {
        Path file = graph("{\"name\": \"billing\"}, {\"name\": \"cache\", \"kind\": \"tcp\", \"readiness\": {\"host\": \"localhost\"}}");

        assertRefusedWith(Cli.run("dag", "validate", file.toString()),
                file + ": service \"cache\": kind: readiness.port is required (kind \"tcp\")");
    }

    /** A 10,000-service chain s0 <- s1 <- ... <- s9999 of application components, as a user's generated graph. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // a hang guard, not a timing assertion
    void aTenThousandServiceChainOfApplicationComponentsValidates() throws IOException {
        Path file = chain(10_000, "");

        Cli cli = Cli.run("dag", "validate", file.toString());

        assertValidWithNote(cli, "note: 10000 services use kinds this build does not know (their own components):"
                + " s0, s1, s2, s3, s4, s5, s6, s7, s8, s9 and 9990 more; checked for structure only, --kinds to require them");
        assertThat(cli.out()).startsWith(file + ": valid, 10000 services, longest chain 10000: s0 -> s1 -> s2")
                .endsWith(" -> s9998 -> s9999\n");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // a hang guard, not a timing assertion
    void aTenThousandServiceChainWithACycleAtItsEndIsOneLineWithTheCyclePath() throws IOException {
        Path file = chain(10_000, "s9999");

        assertRefusedWith(Cli.run("dag", "validate", file.toString()),
                file + ": service \"s9997\": dependsOn: dependency cycle: s9997 -> s9999 -> s9998 -> s9997");
    }

    @Test
    void withKindsEachServiceOfAnUnknownKindIsOneLine() throws IOException {
        Path file = graph("{\"name\": \"billing\"}, {\"name\": \"worker\", \"dependsOn\": [\"billing\"]}");

        Cli cli = Cli.run("dag", "validate", "--kinds", file.toString());

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err().lines()).hasSize(2).allSatisfy(line -> assertThat(line).contains(": kind: unknown kind "));
    }

    @Test
    void helpDocumentsTheKindsOption() {
        Cli cli = Cli.run("dag", "validate", "--help");

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).contains("--kinds");
    }

    @Test
    void badJsonIsOneLineNamingLineAndColumn() throws IOException {
        Path file = Files.writeString(dir.resolve("graph.json"), "{\"services\": [\n  {\"name\": \"a\",}\n]}");

        Cli cli = Cli.run("dag", "validate", file.toString());

        assertRefusedWith(cli, null);
        assertThat(cli.err()).startsWith(file + ": line 2, column ");
    }

    @Test
    void aMissingFileIsOneLineNamingIt() {
        Path file = dir.resolve("nowhere.json");

        Cli cli = Cli.run("dag", "validate", file.toString());

        assertRefusedWith(cli, null);
        assertThat(cli.err()).startsWith(file + ": cannot read file: ");
    }

    /** "startTimeout": "99999999h" was valid here, and `serve` then exited 70 with "long overflow". */
    @Test
    void aStartTimeoutBeyondADayIsRefusedNamingTheFileServiceAndField() throws IOException {
        Path file = graph("{\"name\": \"database\", \"kind\": \"database\", \"startTimeout\": \"99999999h\"}");

        assertRefusedWith(Cli.run("dag", "validate", file.toString()),
                file + ": service \"database\": startTimeout: \"99999999h\" is out of range (at most 24h)");
    }

    /** A graph whose migrations had no database validated here, and `serve` failed only after binding the port. */
    @Test
    void aGraphUsingTheDatabaseWithoutADatabaseServiceIsRefused() throws IOException {
        Path file = graph("{\"name\": \"migrations\", \"kind\": \"migrations\"}, {\"name\": \"core\","
                + " \"dependsOn\": [\"migrations\"]}");

        assertRefusedWith(Cli.run("dag", "validate", file.toString()), file + ": services: no service of kind"
                + " \"database\"; these services need its connection pool: migrations, core");
    }

    @Test
    void aGraphWhoseKindsUseNoDatabaseNeedsNone() throws IOException {
        Path file = graph("{\"name\": \"cache\", \"kind\": \"tcp\", \"readiness\": {\"host\": \"localhost\", \"port\": 6379}}");

        Cli cli = Cli.run("dag", "validate", file.toString());

        assertThat(cli.exitCode()).as(cli.err()).isZero();
    }

    @Test
    void aBadReadinessSettingIsOneLineNamingTheSetting() throws IOException {
        Path file = graph("{\"name\": \"cache\", \"kind\": \"tcp\", \"readiness\": {\"host\": \"localhost\"}}");

        assertRefusedWith(Cli.run("dag", "validate", file.toString()),
                file + ": service \"cache\": kind: readiness.port is required (kind \"tcp\")");
    }

    /** A readiness query runs every few seconds: a DELETE there emptied the application's table again and again. */
    @Test
    void aReadinessQueryThatWritesIsRefused() throws IOException {
        Path file = graph("{\"name\": \"database\", \"kind\": \"database\", \"readiness\": {\"query\": \"DELETE FROM dreams\"}}");

        assertRefusedWith(Cli.run("dag", "validate", file.toString()), file + ": service \"database\": kind: "
                + "readiness.query must be one SELECT or VALUES statement that only reads, was \"DELETE FROM dreams\" "
                + "(kind \"database\")");
    }

    @Test
    void everyProblemOfAFileIsReportedOnePerLine() throws IOException {
        Path file = graph("{\"name\": \"a\", \"critical\": \"yes\"}, {\"name\": \"b\", \"retries\": -1}");

        Cli cli = Cli.run("dag", "validate", file.toString());

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err().lines()).hasSize(2).allSatisfy(line -> assertThat(line).startsWith(file + ": service "));
    }

    /** s0 <- s1 <- ... <- s(n-1), each of its own kind; s(n-3) also depends on {@code extra} when not empty. */
    static Path chain(Path dir, int n, String extra) throws IOException {
        StringBuilder json = new StringBuilder("{\"services\": [{\"name\": \"s0\"}");
        for (int i = 1; i < n; i++) {
            String also = i == n - 3 && !extra.isEmpty() ? ", \"" + extra + "\"" : "";
            json.append(",\n{\"name\": \"s").append(i).append("\", \"dependsOn\": [\"s").append(i - 1).append('"')
                    .append(also).append("]}");
        }
        return Files.writeString(dir.resolve("chain.json"), json.append("]}"));
    }

    private Path chain(int n, String extra) throws IOException {
        return chain(dir, n, extra);
    }

    private Path graph(String services) throws IOException {
        return Files.writeString(dir.resolve("graph.json"), "{\"services\": [" + services + "]}");
    }

    /** Exit 0, and {@code note} as the one line on err. */
    private static void assertValidWithNote(Cli cli, String note) {
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.err()).isEqualTo(note + "\n");
    }

    /** Exit 1, nothing on out, one line on err (equal to {@code line} unless null), and no stack trace. */
    static void assertRefusedWith(Cli cli, String line) {
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(1);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).endsWith("\n");
        assertThat(cli.err().lines()).hasSize(1);
        if (line != null) {
            assertThat(cli.err()).isEqualTo(line + "\n");
        }
        assertThat(cli.err()).doesNotContain("Exception", "\tat ");
    }
}
