package dev.dreamnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dreamnet serve} paths that end on their own (a serving run is covered by {@link ServeSigtermIT}). */
class ServeCommandTest {

    @TempDir
    Path dir;

    @Test
    void aBrokenGraphExitsOneWithTheOneLineProblemBeforeListening() throws IOException {
        Path graph = Files.writeString(dir.resolve("graph.json"),
                "{\"services\": [{\"name\": \"database\", \"kind\": \"databse\"}]}");

        Cli cli = Cli.run("serve", "--port", "0", "--data-dir", dir.resolve("data").toString(), "--graph", graph.toString());

        DagValidateCommandTest.assertRefusedWith(cli, null);
        assertThat(cli.err()).startsWith(graph + ": service \"database\": kind: unknown kind \"databse\" "
                + "(did you mean \"database\"?)");
    }

    @Test
    void aFailedCriticalServiceExitsOneWithTheReason() throws IOException {
        Path graph = Files.writeString(dir.resolve("graph.json"), "{\"services\": ["
                + "{\"name\": \"database\", \"kind\": \"database\"},"
                + "{\"name\": \"payments\", \"kind\": \"tcp\", \"retries\": 0, \"dependsOn\": [\"database\"],"
                + " \"readiness\": {\"host\": \"127.0.0.1\", \"port\": " + closedPort() + "}}]}");

        Cli cli = Cli.run("serve", "--host", "127.0.0.1", "--port", "0", "--data-dir", dir.resolve("data").toString(),
                "--graph", graph.toString());

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.out()).startsWith("DreamNet listening on http://127.0.0.1:");
        assertThat(cli.err()).startsWith("dreamnet: startup failed: critical service \"payments\" failed after 1 attempt(s)")
                .doesNotContain("\tat ");
        assertThat(cli.err().lines()).hasSize(1);
    }

    /** Regression: run from a directory without config/resilience.yaml, serve refused to start at all. */
    @Test
    void withoutAResilienceFileServeUsesTheBuiltInDefaults() throws IOException {
        Path graph = Files.writeString(dir.resolve("graph.json"), "{\"services\": ["
                + "{\"name\": \"payments\", \"kind\": \"tcp\", \"retries\": 0,"
                + " \"readiness\": {\"host\": \"127.0.0.1\", \"port\": " + closedPort() + "}}]}");
        assertThat(Files.exists(Path.of("config", "resilience.yaml"))).as("run from a directory without it").isFalse();

        Cli cli = Cli.run("serve", "--host", "127.0.0.1", "--port", "0", "--data-dir", dir.resolve("data").toString(),
                "--graph", graph.toString());

        assertThat(cli.out()).startsWith("DreamNet listening on http://127.0.0.1:");
        assertThat(cli.err()).startsWith("dreamnet: startup failed: critical service \"payments\"");
    }

    @Test
    void aResilienceFileNamedButMissingExitsOneNamingIt() throws IOException {
        Path graph = Files.writeString(dir.resolve("graph.json"),
                "{\"services\": [{\"name\": \"database\", \"kind\": \"database\"}]}");
        Path missing = dir.resolve("missing.yaml");

        Cli cli = Cli.run("serve", "--port", "0", "--data-dir", dir.resolve("data").toString(), "--graph",
                graph.toString(), "--resilience", missing.toString());

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).startsWith(missing + ": cannot read file");
        assertThat(cli.out()).isEmpty();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
