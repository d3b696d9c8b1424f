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

    /** Regression: a wrong HTTP limit was refused in the builder's words ("maxInFlight must be >= 1"), not the option's. */
    @Test
    void aWrongHttpLimitIsRefusedNamingItsOptionBeforeListening() {
        String[][] cases = {
            {"--max-in-flight", "0", "--max-in-flight must be at least 1, was 0"},
            {"--idle-timeout", "-1", "--idle-timeout must be at least 1, was -1"},
            {"--read-timeout", "0", "--read-timeout must be at least 1, was 0"},
            {"--http-threads", "3", "--http-threads must be at least --max-in-flight + 8"},
            {"--max-in-flight", "99999999", "--max-in-flight must be from 1 to 4088, was 99999999"},
            {"--http-threads", "100000", "--http-threads must be at most 4096, was 100000"},
            {"--shutdown-grace", "-1", "--shutdown-grace must be 0 or more seconds, was -1"},
        };
        for (String[] wrong : cases) {
            Cli cli = Cli.run("serve", "--port", "0", "--data-dir", dir.resolve("data").toString(), wrong[0], wrong[1]);

            assertThat(cli.exitCode()).as(wrong[0]).isEqualTo(1);
            assertThat(cli.out()).as(wrong[0]).doesNotContain("DreamNet listening");
            assertThat(cli.err()).as(wrong[0]).startsWith(wrong[2]).doesNotContain("\tat ");
        }
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

    /** "startTimeout": "99999999h" passed `dag validate`, and serve exited 70 with "long overflow". */
    @Test
    void aStartTimeoutBeyondADayExitsOneBeforeListening() throws IOException {
        Path graph = Files.writeString(dir.resolve("graph.json"),
                "{\"services\": [{\"name\": \"database\", \"kind\": \"database\", \"startTimeout\": \"99999999h\"}]}");

        Cli cli = serve("--graph", graph.toString());

        DagValidateCommandTest.assertRefusedWith(cli,
                graph + ": service \"database\": startTimeout: \"99999999h\" is out of range (at most 24h)");
    }

    /** A graph whose migrations had no database service failed only after the port was bound. */
    @Test
    void aGraphUsingTheDatabaseWithoutADatabaseServiceExitsOneBeforeListening() throws IOException {
        Path graph = Files.writeString(dir.resolve("graph.json"),
                "{\"services\": [{\"name\": \"migrations\", \"kind\": \"migrations\"}]}");

        Cli cli = serve("--graph", graph.toString());

        DagValidateCommandTest.assertRefusedWith(cli, graph + ": services: no service of kind \"database\";"
                + " these services need its connection pool: migrations");
    }

    /**
     * In the resilience file a misspelt downstream ("provder:") was refused only after the port was bound,
     * without the file's name, and an unknown one ("nosuch:") was accepted silently.
     */
    @Test
    void unknownDownstreamsInTheResilienceFileExitOneBeforeListeningNamingFileAndLine() throws IOException {
        Path graph = Files.writeString(dir.resolve("graph.json"),
                "{\"services\": [{\"name\": \"database\", \"kind\": \"database\"}]}");
        Path resilience = Files.writeString(dir.resolve("resilience.yaml"),
                "services:\n  database: {}\n  queue: {}\n  provder:\n    timeout: 10s\n  nosuch: {}\n");

        Cli cli = serve("--graph", graph.toString(), "--resilience", resilience.toString());

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).isEqualTo(
                resilience + ":4: services.provder: unknown downstream \"provder\" (did you mean \"provider\"?)\n"
                + resilience + ":6: services.nosuch: unknown downstream \"nosuch\" (known: database, provider, queue)\n");
    }

    @Test
    void everyProblemOfEveryFileIsListedAtOnce() throws IOException {
        Path graph = Files.writeString(dir.resolve("graph.json"),
                "{\"services\": [{\"name\": \"migrations\", \"kind\": \"migrations\"}]}");
        Path resilience = Files.writeString(dir.resolve("resilience.yaml"), "services:\n  provder: {}\n");
        Path flags = Files.writeString(dir.resolve("flags.yaml"), "flags:\n  x:\n    enabled: yes\n");

        Cli cli = serve("--graph", graph.toString(), "--resilience", resilience.toString(), "--flags", flags.toString());

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err().lines()).containsExactly(
                graph + ": services: no service of kind \"database\"; these services need its connection pool: migrations",
                resilience + ":2: services.provder: unknown downstream \"provder\" (did you mean \"provider\"?)",
                flags + ":2: flags.x: missing required setting \"owner\"",
                flags + ":2: flags.x: missing required setting \"description\"");
    }

    private Cli serve(String... options) {
        String[] args = new String[options.length + 5];
        System.arraycopy(new String[] {"serve", "--port", "0", "--data-dir", dir.resolve("data").toString()}, 0, args, 0, 5);
        System.arraycopy(options, 0, args, 5, options.length);
        return Cli.run(args);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
