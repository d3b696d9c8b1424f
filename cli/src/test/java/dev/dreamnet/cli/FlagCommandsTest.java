package dev.dreamnet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dreamnet.reference.DreamnetServer;
import dev.dreamnet.reference.ServerConfig;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The flag commands against a live in-process server: one-line summaries, JSON on request, exit codes, no stack traces. */
class FlagCommandsTest {

    private static final String ADMIN = "cli-admin-4b7e";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static DreamnetServer server;
    private static String url;

    @BeforeAll
    static void startTheShippedServer() throws Exception {
        Path flags = Files.copy(Path.of("..", "config", "feature-flags.yaml"), dir.resolve("feature-flags.yaml"));
        server = DreamnetServer.start(ServerConfig.builder().host("127.0.0.1").port(0).dataDir(dir.resolve("data"))
                .graphFile(Path.of("..", "deploy", "graph.json")).queuesFile(Path.of("..", "config", "queues.yaml"))
                .flagsFile(flags)
                .gateStartupInterval(Duration.ofMillis(50)).gateInterval(Duration.ofMillis(100))
                .environment(Map.of("DREAMNET_ADMIN_TOKENS", ADMIN)).build());
        url = "http://127.0.0.1:" + server.port();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url + "/health/ready")).build();
        await("server ready").atMost(Duration.ofSeconds(20))
                .until(() -> http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    @AfterAll
    static void stop() {
        server.shutdown();
    }

    @Test
    void flagsPrintsTheStateLineAndATableOfEveryFlag() {
        Cli cli = admin("flags");

        assertOk(cli);
        assertThat(cli.out()).startsWith("mode NORMAL, safe mode off, write drain off, quarantined agents []");
        assertThat(cli.out()).contains("llm.calls", "agent.citadel", "recommendations");
        assertThat(cli.out().lines()).hasSize(2 + 9);
    }

    @Test
    void flagsWithJsonPrintsTheEndpointsJson() throws Exception {
        Cli cli = admin("flags", "--json");

        assertOk(cli);
        JsonNode body = JSON.readTree(cli.out());
        assertThat(body.get("flags")).hasSize(9);
        assertThat(body.at("/state/mode").asText()).isEqualTo("NORMAL");
    }

    @Test
    void eachChangeCommandPrintsOneLineWithTheNewState() {
        assertThat(oneLine(admin("brownout", "on", "--reason", "db slow"))).startsWith("mode BROWNOUT, ");
        assertThat(oneLine(admin("emergency", "on", "--reason", "db down"))).startsWith("mode EMERGENCY, ");
        assertThat(oneLine(admin("emergency", "off", "--reason", "db back"))).startsWith("mode NORMAL, ");
        assertThat(oneLine(admin("safe-mode", "on"))).contains("safe mode ON");
        assertThat(oneLine(admin("safe-mode", "off"))).contains("safe mode off");
        assertThat(oneLine(admin("write-drain", "on", "--reason", "migration"))).contains("write drain ON");
        assertThat(oneLine(admin("write-drain", "off"))).contains("write drain off");
        assertThat(oneLine(admin("agent", "quarantine", "dronedome"))).contains("quarantined agents [\"dronedome\"]");
        assertThat(oneLine(admin("agent", "release", "dronedome"))).contains("quarantined agents []");
    }

    @Test
    void flagOverridesOneFlagUntilClearedAndTheModesStillWinOverIt() throws Exception {
        try {
            Cli off = admin("flag", "dreams.search", "off", "--reason", "INC-2 search times out");
            assertOk(off);
            assertThat(off.out()).contains("flag dreams.search: override off, effective OFF (decided by OVERRIDE)");

            Cli on = admin("flag", "dreams.search", "on");
            assertOk(on);
            assertThat(on.out()).contains("flag dreams.search: override ON, effective ON (decided by OVERRIDE)");
            assertOk(admin("brownout", "on", "--reason", "db slow"));
            assertThat(admin("flag", "dreams.search", "on").out()).as("brownout sheds it all the same")
                    .contains("effective OFF (decided by BROWNOUT)");
            assertOk(admin("brownout", "off", "--reason", "db back"));

            Cli cleared = admin("flag", "dreams.search", "clear", "--reason", "INC-2 over");
            assertOk(cleared);
            assertThat(cleared.out()).contains("flag dreams.search: no override, effective ON (decided by FLAG_VALUE)");
            Cli audit = admin("audit", "--limit", "2");
            assertOk(audit);
            assertThat(audit.out().lines().skip(1).findFirst().orElseThrow())
                    .as("the newest first: who, what, on what, why")
                    .contains("cli-test", "flag.clear-override", "dreams.search", "INC-2 over");
            assertThat(audit.out().lines()).hasSize(3);
            assertFailed(admin("audit", "--limit", "0"), 2);

            Cli again = admin("flag", "dreams.search", "clear");
            assertFailed(again, 5);
            assertThat(again.err()).contains("no override is set for flag \"dreams.search\"");
            assertFailed(admin("flag", "dreams.serch", "off"), 5);
            Cli maybe = admin("flag", "dreams.search", "maybe");
            assertFailed(maybe, 2);
            assertThat(maybe.err()).contains("expected on, off or clear");
        } finally {
            admin("brownout", "off", "--reason", "test over");
            admin("flag", "dreams.search", "clear");
        }
    }

    @Test
    void aChangeCommandWithJsonPrintsTheNewStateAsJson() throws Exception {
        Cli on = admin("safe-mode", "on", "--json");
        Cli off = admin("safe-mode", "off", "--json");

        assertOk(on);
        assertThat(JSON.readTree(on.out()).at("/state/safeMode").asBoolean()).isTrue();
        assertThat(JSON.readTree(off.out()).at("/state/safeMode").asBoolean()).isFalse();
    }

    @Test
    void aWrongTokenExitsFour() {
        assertFailed(Cli.run("safe-mode", "on", "--url", url, "--token", "not-the-token"), 4);
        assertFailed(Cli.run("safe-mode", "on", "--url", url, "--token", ""), 4);
    }

    @Test
    void anUnknownAgentExitsFiveNamingTheKnownAgents() {
        Cli cli = admin("agent", "quarantine", "citadell");

        assertFailed(cli, 5);
        assertThat(cli.err()).contains("citadel, dronedome");
    }

    @Test
    void brownoutOnWithoutAReasonExitsTwo() {
        assertFailed(admin("brownout", "on"), 2);
        assertThat(admin("brownout", "on").err()).contains("--reason");
    }

    @Test
    void safeModeMaybeExitsTwo() {
        Cli cli = admin("safe-mode", "maybe");

        assertFailed(cli, 2);
        assertThat(cli.err()).contains("expected on or off, was \"maybe\"");
    }

    @Test
    void aServerThatIsDownExitsThree() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        for (String[] command : List.of(new String[] {"flags"}, new String[] {"brownout", "on", "--reason", "r"},
                new String[] {"agent", "release", "citadel"})) {
            Cli cli = run(withOptions(command, "http://127.0.0.1:" + closed));
            assertFailed(cli, 3);
            assertThat(cli.err()).contains("cannot reach");
        }
    }

    private static Cli admin(String... command) {
        return run(withOptions(command, url));
    }

    private static String[] withOptions(String[] command, String target) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of("--url", target, "--token", ADMIN, "--actor", "cli-test"));
        return args.toArray(String[]::new);
    }

    private static Cli run(String... args) {
        return Cli.run(args);
    }

    private static String oneLine(Cli cli) {
        assertOk(cli);
        assertThat(cli.out().lines()).hasSize(1);
        return cli.out();
    }

    private static void assertOk(Cli cli) {
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.err()).isEmpty();
    }

    private static void assertFailed(Cli cli, int exitCode) {
        assertThat(cli.exitCode()).as(cli.out() + cli.err()).isEqualTo(exitCode);
        assertThat(cli.err()).doesNotContain("Exception", "\tat ");
    }
}
