package dev.dreamnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dreamnet.reference.DreamnetServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code dreamnet breakers} and {@code dreamnet breaker ...} run in-process against a live server
 * on a free port: what they print, what they change, and the exit code and one-line error of
 * every way they can fail. Never a stack trace.
 */
class BreakerCommandsTest {

    private static final String ADMIN = "cli-admin-token";
    private static final String READ = "cli-read-token";

    @TempDir
    static Path dir;

    private static DreamnetServer server;
    private static String url;

    @BeforeAll
    static void startServer() throws Exception {
        server = LiveServer.start(dir, LiveServer.SCHEMA_GRAPH,
                Map.of("DREAMNET_ADMIN_TOKENS", ADMIN, "DREAMNET_READ_TOKENS", READ));
        url = LiveServer.url(server);
    }

    @AfterEach
    void resetTheBreakers() {
        server.downstreams().breakers().forEach(breaker -> breaker.reset("test cleanup"));
    }

    @AfterAll
    static void stopServer() {
        server.shutdown();
    }

    @Test
    void breakersPrintsATableOfEveryBreaker() {
        Cli cli = run("breakers", "--token", READ);

        assertSucceeded(cli);
        List<String> lines = cli.out().lines().toList();
        assertThat(lines.get(0)).startsWith("BREAKER").contains("STATE", "CALLS", "FAIL%", "NEXT ATTEMPT");
        assertThat(lines.subList(1, lines.size())).hasSize(3)
                .anySatisfy(line -> assertThat(line).startsWith("database ").contains("CLOSED"))
                .anySatisfy(line -> assertThat(line).startsWith("provider ").contains("CLOSED"))
                .anySatisfy(line -> assertThat(line).startsWith("queue ").contains("CLOSED"));
    }

    @Test
    void breakersJsonPrintsTheServersJson() throws IOException {
        Cli cli = run("breakers", "--json", "--token", READ);

        assertSucceeded(cli);
        List<String> names = new ArrayList<>();
        new ObjectMapper().readTree(cli.out()).get("breakers").forEach(b -> names.add(b.get("name").asText()));
        assertThat(names).containsExactlyInAnyOrder("database", "provider", "queue");
    }

    @Test
    void forceOpenWithTheAdminTokenForcesTheBreakerOpenAndIsAudited() throws Exception {
        Cli cli = run("breaker", "force-open", "provider", "--reason", "provider incident INC-42", "--token", ADMIN,
                "--actor", "carol");

        assertSucceeded(cli);
        assertThat(cli.out()).isEqualTo("breaker provider is now FORCED_OPEN" + System.lineSeparator());
        assertThat(breakerState("provider")).isEqualTo("FORCED_OPEN");
        JsonNode entry = get("/api/observability/audit").get("entries").get(0);
        assertThat(entry.get("actor").asText()).isEqualTo("carol");
        assertThat(entry.get("action").asText()).isEqualTo("breaker.force-open");
        assertThat(entry.get("reason").asText()).isEqualTo("provider incident INC-42");
    }

    @Test
    void forceClosedAndResetChangeTheBreakerToo() throws Exception {
        assertSucceeded(run("breaker", "force-closed", "queue", "--token", ADMIN));
        assertThat(breakerState("queue")).isEqualTo("FORCED_CLOSED");

        Cli reset = run("breaker", "reset", "queue", "--token", ADMIN, "--json");

        assertSucceeded(reset);
        assertThat(new ObjectMapper().readTree(reset.out()).get("state").asText()).isEqualTo("CLOSED");
        assertThat(breakerState("queue")).isEqualTo("CLOSED");
    }

    @Test
    void aWrongTokenExitsFourWithAOneLineErrorAndChangesNothing() throws Exception {
        Cli cli = run("breaker", "force-open", "provider", "--token", "not-the-token");

        assertFailed(cli, ExitCodes.NO_PERMISSION,
                "dreamnet: server answered 401 unauthorized: the token is not valid");
        assertThat(cli.err()).doesNotContain("not-the-token");
        assertThat(breakerState("provider")).isEqualTo("CLOSED");
    }

    @Test
    void aReadOnlyTokenExitsFour() {
        assertFailed(run("breaker", "force-open", "provider", "--token", READ), ExitCodes.NO_PERMISSION,
                "dreamnet: server answered 403 forbidden: this token may read but not change anything");
    }

    @Test
    void readingBreakersWithoutATokenExitsFourWhenReadTokensAreConfigured() {
        assertFailed(run("breakers"), ExitCodes.NO_PERMISSION,
                "dreamnet: server answered 401 unauthorized: a read or admin bearer token is required");
    }

    @Test
    void anUnknownBreakerExitsFiveNamingTheKnownOnes() {
        assertFailed(run("breaker", "force-open", "provdier", "--token", ADMIN), ExitCodes.NOT_FOUND,
                "dreamnet: server answered 404 not found: no circuit breaker \"provdier\" "
                        + "(known: database, provider, queue)");
    }

    @Test
    void anUnknownActionExitsTwoListingTheActions() {
        Cli cli = run("breaker", "explode", "provider", "--token", ADMIN);

        assertThat(cli.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).startsWith("ACTION must be one of force-open, force-closed, reset, was \"explode\"");
        assertNoStackTrace(cli);
    }

    @Test
    void aServerThatIsDownExitsThreeSayingItCannotBeReached() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        Cli cli = Cli.run("breakers", "--url", "http://127.0.0.1:" + closed);

        assertFailed(cli, ExitCodes.UNAVAILABLE, "dreamnet: cannot reach http://127.0.0.1:" + closed + "/");
    }

    @ParameterizedTest(name = "--url {0}")
    @ValueSource(strings = {"not a url", "127.0.0.1:5000", "ftp://127.0.0.1:5000", "http//127.0.0.1:5000",
            "http://127.0.0.1:notaport", "http://[::1", "http://", ""})
    void aMalformedUrlExitsTwoNamingIt(String badUrl) {
        Cli cli = Cli.run("breakers", "--url", badUrl);

        assertFailed(cli, ExitCodes.USAGE, "dreamnet: --url \"" + badUrl + "\" is not a valid server URL");
    }

    /** Regression: a port past 65535 failed with "port out of range:99999", naming neither --url nor the URL. */
    @Test
    void aUrlWithAPortPast65535ExitsTwoNamingTheUrl() {
        Cli cli = Cli.run("breakers", "--url", "http://127.0.0.1:99999");

        assertFailed(cli, ExitCodes.USAGE, "dreamnet: --url \"http://127.0.0.1:99999\" is not a valid server URL: "
                + "the port must be from 1 to 65535, was 99999");
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
        assertNoStackTrace(cli);
    }

    private static void assertNoStackTrace(Cli cli) {
        assertThat(cli.err()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    private static String breakerState(String name) throws Exception {
        for (JsonNode breaker : get("/api/observability/circuit-breakers").get("breakers")) {
            if (breaker.get("name").asText().equals(name)) {
                return breaker.get("state").asText();
            }
        }
        throw new AssertionError("no breaker " + name);
    }

    private static JsonNode get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + READ).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }
}
