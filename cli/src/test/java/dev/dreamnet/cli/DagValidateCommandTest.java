package dev.dreamnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dreamnet dag validate}: exit 0 and a "valid" line, or exit 1 and exactly one line per problem. */
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

    @Test
    void anUnknownKindIsOneLineWithADidYouMeanAndTheKnownKinds() throws IOException {
        Path file = graph("{\"name\": \"db\", \"kind\": \"databse\"}");

        assertRefusedWith(Cli.run("dag", "validate", file.toString()), file + ": service \"db\": kind: unknown kind "
                + "\"databse\" (did you mean \"database\"?); known kinds: api, audit, citadel, core, database, dronedome, http, migrations, outbox, queues, schema, tcp");
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

    @Test
    void everyProblemOfAFileIsReportedOnePerLine() throws IOException {
        Path file = graph("{\"name\": \"a\", \"critical\": \"yes\"}, {\"name\": \"b\", \"retries\": -1}");

        Cli cli = Cli.run("dag", "validate", file.toString());

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err().lines()).hasSize(2).allSatisfy(line -> assertThat(line).startsWith(file + ": service "));
    }

    private Path graph(String services) throws IOException {
        return Files.writeString(dir.resolve("graph.json"), "{\"services\": [" + services + "]}");
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
