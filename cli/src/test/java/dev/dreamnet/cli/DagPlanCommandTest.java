package dev.dreamnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code dreamnet dag plan}: the start order, what starts in parallel and the critical path. */
class DagPlanCommandTest {

    @TempDir
    Path dir;

    @Test
    void aDiamondStartsItsTwoMiddleServicesInParallel() throws IOException {
        Path file = Files.writeString(dir.resolve("diamond.json"), "{\"services\": ["
                + "{\"name\": \"database\", \"kind\": \"database\"},"
                + "{\"name\": \"left\", \"kind\": \"schema\", \"dependsOn\": [\"database\"]},"
                + "{\"name\": \"right\", \"kind\": \"core\", \"dependsOn\": [\"database\"]},"
                + "{\"name\": \"api\", \"dependsOn\": [\"left\", \"right\"]}]}");

        Cli cli = Cli.run("dag", "plan", file.toString());

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.err()).isEmpty();
        assertThat(cli.out().lines()).containsExactly(
                "Start plan for " + file + " (4 services)",
                "Start order: database, left, right, api",
                "  step 1: database",
                "  step 2 (in parallel): left, right",
                "  step 3: api",
                "Critical path (3 services): database -> left -> api",
                "Each service starts as soon as all of its dependencies are ready, not when its step begins.");
    }

    @Test
    void theShippedGraphStartsDatabaseThenMigrationsAndQueuesThenCoreThenTheConsumersAndApi() {
        Cli cli = Cli.run("dag", "plan", "../deploy/graph.json");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains(
                "Start order: database, migrations, queues, core, outbox, citadel, dronedome, audit, api",
                "step 2 (in parallel): migrations, queues",
                "step 4 (in parallel): outbox, citadel, dronedome, api",
                "Critical path (4 services): database -> migrations -> core -> outbox");
    }

    @Test
    void aGraphOfApplicationComponentsIsPlannedWithTheSameNoteAsValidate() throws IOException {
        Path file = Files.writeString(dir.resolve("graph.json"), "{\"services\": ["
                + "{\"name\": \"ledger\"}, {\"name\": \"billing\", \"dependsOn\": [\"ledger\"]}]}");

        Cli cli = Cli.run("dag", "plan", file.toString());

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Critical path (2 services): ledger -> billing");
        assertThat(cli.err()).startsWith("note: 2 services use kinds this build does not know").endsWith("\n")
                .hasLineCount(1);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // a hang guard, not a timing assertion
    void aTenThousandServiceChainIsPlannedAsTenThousandSteps() throws IOException {
        Path file = DagValidateCommandTest.chain(dir, 10_000, "");

        Cli cli = Cli.run("dag", "plan", file.toString());

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("  step 10000: s9999\n", "Critical path (10000 services): s0 -> s1 -> ");
    }

    @Test
    void withKindsAnUnknownKindIsRefusedLikeValidateDoes() throws IOException {
        Path file = Files.writeString(dir.resolve("graph.json"), "{\"services\": [{\"name\": \"ledger\"}]}");

        DagValidateCommandTest.assertRefusedWith(Cli.run("dag", "plan", "--kinds", file.toString()), null);
    }

    @Test
    void aBrokenGraphIsRefusedLikeValidateDoes() throws IOException {
        Path file = Files.writeString(dir.resolve("graph.json"), "{\"services\": [{\"name\": \"a\", \"dependsOn\": [\"a\"]}]}");

        DagValidateCommandTest.assertRefusedWith(Cli.run("dag", "plan", file.toString()),
                file + ": service \"a\": dependsOn: a service cannot depend on itself");
    }
}
