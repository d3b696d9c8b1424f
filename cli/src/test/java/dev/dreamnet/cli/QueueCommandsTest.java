package dev.dreamnet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dreamnet.reference.DreamnetServer;
import dev.dreamnet.reference.ServerConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dreamnet queues} in-process against the shipped service on the embedded queue. */
class QueueCommandsTest {

    @TempDir
    static Path dir;

    private static DreamnetServer server;
    private static String url;

    @BeforeAll
    static void startServer() throws Exception {
        server = DreamnetServer.start(ServerConfig.builder().host("127.0.0.1").port(0).dataDir(dir.resolve("data"))
                .graphFile(Path.of("..", "deploy", "graph.json")).queuesFile(Path.of("..", "config", "queues.yaml"))
                .build());
        server.started().get(30, TimeUnit.SECONDS);
        url = "http://127.0.0.1:" + server.port();
        server.queues().require().publish("dream-events.citadel", "garbage".getBytes(StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stopServer() {
        server.shutdown();
    }

    @Test
    void listsEveryDeclaredQueueWithItsCountsAndTheBackend() {
        Cli cli = Cli.run("queues", "--url", url);

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).startsWith("Backend: the database").contains("declared in ../config/queues.yaml")
                .containsPattern("dream-events\\.citadel +\\d+ +\\d+ +\\d+ +\\d+ +\\d+ +5  dream-events\\.citadel\\.dlq")
                .contains("dream-events.dronedome").contains("Outbox relay: published up to dream ");
    }

    @Test
    void aPoisonMessageShowsAsRetryingAndIsNotYetADeadLetter() {
        // the shipped file gives five attempts 5 s apart; after the first failure the message waits as "retrying"
        await().atMost(Duration.ofSeconds(20)).until(() -> Cli.run("queues", "--url", url, "--json").out()
                .contains("\"retrying\" : 1"));
        Cli cli = Cli.run("queues", "--url", url, "--dead-letters", "dream-events.citadel");

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).startsWith("0 dead letter(s) in dream-events.citadel");
    }

    @Test
    void anUnknownQueueIsNotFoundAndABadLimitIsUsage() {
        Cli unknown = Cli.run("queues", "--url", url, "--dead-letters", "dream-events.citadell");
        Cli limit = Cli.run("queues", "--url", url, "--limit", "0");

        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(unknown.err()).startsWith("dreamnet: server answered 404").contains("dream-events.citadell");
        assertThat(limit.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(limit.err()).contains("--limit must be between 1 and 500, was 0");
    }
}
