package dev.dreamnet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dreamnet.reference.DreamnetServer;
import dev.dreamnet.reference.ServerConfig;
import java.io.IOException;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dreamnet overload} and {@code dreamnet overload pin|unpin} run in-process against a live server on the
 * shipped {@code config/overload.yaml}: what they print, what they change and audit, and the exit code and one-line
 * error of each way they fail.
 */
class OverloadCommandsTest {

    private static final String ADMIN = "cli-overload-admin-token";
    private static final String READ = "cli-overload-read-token";
    private static final Path SHIPPED = Path.of("..", "config", "overload.yaml");

    @TempDir
    static Path dir;

    private static Path file;
    private static DreamnetServer server;
    private static String url;

    @BeforeAll
    static void startServer() throws Exception {
        file = Files.copy(SHIPPED, dir.resolve("overload.yaml"));
        Path graph = Files.writeString(dir.resolve("graph.json"), LiveServer.SCHEMA_GRAPH);
        server = DreamnetServer.start(ServerConfig.builder().host("127.0.0.1").port(0).dataDir(dir.resolve("data"))
                .graphFile(graph).overloadFile(file).resilienceFile(Path.of("..", "config", "resilience.yaml"))
                .environment(Map.of("DREAMNET_ADMIN_TOKENS", ADMIN, "DREAMNET_READ_TOKENS", READ)).build());
        server.started().get(20, TimeUnit.SECONDS);
        url = LiveServer.url(server);
    }

    @AfterEach
    void unpinAndRestoreTheFile() throws Exception {
        server.dreamnet().automaticBrownout().unpin("test", "cleanup");
        if (Files.mismatch(SHIPPED, file) >= 0) {
            Files.copy(SHIPPED, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            await().atMost(Duration.ofSeconds(20)).until(() -> view().path("reloadError").isNull());
        }
    }

    @AfterAll
    static void stopServer() {
        server.shutdown();
    }

    @Test
    void overloadPrintsTheLimitEachClassAutomaticBrownoutTheRoutesAndTheConfig() {
        Cli cli = run("overload", "--token", READ);

        assertSucceeded(cli);
        List<String> lines = cli.out().lines().toList();
        assertThat(lines.get(0)).matches("limit 40, in flight \\d+, waiting \\d+, mode NORMAL, admitted \\d+");
        assertThat(lines.get(1)).startsWith("latency baseline ").contains(" ms, last window ");
        assertThat(lines.get(2)).startsWith("CLASS").contains("SHARE", "ALLOWED", "REFUSED SHARE", "REFUSED LIMIT");
        assertThat(lines.get(3)).matches("CRITICAL +100% +40 +0 +0");
        assertThat(lines.get(4)).matches("DEFAULT +90% +36 +0 +0");
        assertThat(lines.get(5)).matches("SHEDDABLE +50% +20 +0 +0");
        assertThat(cli.out())
                .contains("Automatic brownout: NORMAL (enters after 10 s overloaded, leaves after 30 s healthy)")
                .contains("Routes (any other: DEFAULT; header X-DreamNet-Criticality; a refused request waits at most "
                        + "5 ms):")
                .containsPattern("  POST /api/dreams +CRITICAL")
                .containsPattern("  GET /api/dreams +SHEDDABLE")
                .containsPattern("Config sha256:[0-9a-f]+ from .*overload\\.yaml")
                .contains("Outbound guards:")
                .containsPattern("  provider +hedging after p99: 0 sent, 0 won, 0 refused by the budget, of \\d+ calls")
                .doesNotContain("refused;");
    }

    @Test
    void overloadJsonPrintsTheServersDocument() throws IOException {
        Cli cli = run("overload", "--json", "--token", READ);

        assertSucceeded(cli);
        JsonNode body = new ObjectMapper().readTree(cli.out());
        assertThat(body.get("limit").asInt()).isEqualTo(40);
        assertThat(body.get("routes").get("POST /api/dreams").asText()).isEqualTo("CRITICAL");
        assertThat(body.get("automaticBrownout").get("state").asText()).isEqualTo("NORMAL");
    }

    @Test
    void aRefusedEditOfTheFileIsPrintedWithItsFileAndLineWhileTheLastGoodOneStaysInForce() throws Exception {
        Files.writeString(file, Files.readString(SHIPPED).replace("initial: 40", "initial: many"));
        await().atMost(Duration.ofSeconds(20)).until(() -> !view().path("reloadError").isNull());

        Cli cli = run("overload", "--token", READ);

        assertSucceeded(cli);
        assertThat(cli.out()).startsWith("limit 40,")
                .contains("The overload file was refused; the last good version stays in force:")
                .containsPattern("  .*overload\\.yaml:\\d+");
    }

    @Test
    void pinWithTheAdminTokenStopsAutomaticDecisionsAndIsAuditedThenUnpinGivesThemBack() throws Exception {
        Cli pin = run("overload", "pin", "--reason", "INC-7 manual control", "--token", ADMIN, "--actor", "carol");

        assertSucceeded(pin);
        assertThat(pin.out()).isEqualTo("mode pinned by carol: automatic brownout decides nothing until "
                + "`dreamnet overload unpin` (mode NORMAL, automatic brownout NORMAL)" + System.lineSeparator());
        assertThat(view().get("automaticBrownout").get("pinnedBy").asText()).isEqualTo("carol");
        assertThat(run("overload", "--token", READ).out())
                .contains("  pinned by carol (INC-7 manual control): nothing is decided automatically until "
                        + "`dreamnet overload unpin`");
        JsonNode pinned = get("/api/observability/audit").get("entries").get(0);
        assertThat(pinned.get("actor").asText()).isEqualTo("carol");
        assertThat(pinned.get("action").asText()).isEqualTo("overload.pin");
        assertThat(pinned.get("reason").asText()).isEqualTo("INC-7 manual control");

        Cli unpin = run("overload", "unpin", "--reason", "INC-7 over", "--token", ADMIN, "--actor", "carol");

        assertSucceeded(unpin);
        assertThat(unpin.out()).isEqualTo("automatic brownout decides again (mode NORMAL, automatic brownout NORMAL)"
                + System.lineSeparator());
        assertThat(view().get("automaticBrownout").get("pinnedBy").isNull()).isTrue();
        JsonNode unpinned = get("/api/observability/audit").get("entries").get(0);
        assertThat(unpinned.get("action").asText()).isEqualTo("overload.unpin");
        assertThat(unpinned.get("reason").asText()).isEqualTo("INC-7 over");
    }

    @Test
    void pinJsonPrintsTheOverloadDocument() throws IOException {
        Cli cli = run("overload", "pin", "--json", "--token", ADMIN, "--actor", "dave");

        assertSucceeded(cli);
        assertThat(new ObjectMapper().readTree(cli.out()).get("automaticBrownout").get("pinnedBy").asText())
                .isEqualTo("dave");
    }

    @Test
    void pinWithAReadOnlyTokenExitsFourAndPinsNothing() throws Exception {
        assertFailed(run("overload", "pin", "--token", READ), ExitCodes.NO_PERMISSION,
                "dreamnet: server answered 403 forbidden: this token may read but not change anything");
        assertThat(view().get("automaticBrownout").get("pinnedBy").isNull()).isTrue();
    }

    @Test
    void aWrongTokenExitsFourWithoutEchoingIt() {
        Cli cli = run("overload", "unpin", "--token", "not-the-token");

        assertFailed(cli, ExitCodes.NO_PERMISSION, "dreamnet: server answered 401 unauthorized");
        assertThat(cli.err()).doesNotContain("not-the-token");
    }

    @Test
    void readingWithoutATokenExitsFourWhenReadTokensAreConfigured() {
        assertFailed(run("overload"), ExitCodes.NO_PERMISSION,
                "dreamnet: server answered 401 unauthorized: a read or admin bearer token is required");
    }

    @Test
    void aServerThatIsDownExitsThreeSayingItCannotBeReached() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        assertFailed(Cli.run("overload", "--url", "http://127.0.0.1:" + closed), ExitCodes.UNAVAILABLE,
                "dreamnet: cannot reach http://127.0.0.1:" + closed + "/");
        assertFailed(Cli.run("overload", "pin", "--url", "http://127.0.0.1:" + closed, "--token", ADMIN),
                ExitCodes.UNAVAILABLE, "dreamnet: cannot reach http://127.0.0.1:" + closed + "/");
    }

    @Test
    void anUnknownSubcommandExitsTwo() {
        Cli cli = Cli.run("overload", "pinn");

        assertThat(cli.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("'pinn'");
    }

    private static Cli run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--url");
        all.add(url);
        return Cli.run(all.toArray(String[]::new));
    }

    private static void assertSucceeded(Cli cli) {
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.err()).isEmpty();
    }

    private static void assertFailed(Cli cli, int exitCode, String errorStart) {
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(exitCode);
        assertThat(cli.err()).startsWith(errorStart);
        assertThat(cli.err().lines()).as("one line").hasSize(1);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    private static JsonNode view() throws Exception {
        return get("/api/observability/overload");
    }

    private static JsonNode get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + READ).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }
}
