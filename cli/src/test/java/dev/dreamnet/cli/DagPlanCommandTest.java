package dev.dreamnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
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
    void aBrokenGraphIsRefusedLikeValidateDoes() throws IOException {
        Path file = Files.writeString(dir.resolve("graph.json"), "{\"services\": [{\"name\": \"a\", \"dependsOn\": [\"a\"]}]}");

        DagValidateCommandTest.assertRefusedWith(Cli.run("dag", "plan", file.toString()),
                file + ": service \"a\": dependsOn: a service cannot depend on itself");
    }
}
