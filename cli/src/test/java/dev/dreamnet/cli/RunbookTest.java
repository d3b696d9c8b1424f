package dev.dreamnet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dreamnet.reference.DreamnetServer;
import dev.dreamnet.reference.ServerConfig;
import dev.dreamnet.testing.PostgresTestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Runs every {@code sh runbook} block of docs/RUNBOOK.md, in order, against a live in-process
 * server on the shipped configuration, and checks the effect each block claims at the endpoints.
 * A renamed command, a changed output or an effect that no longer happens fails the build.
 */
class RunbookTest {

    private static final Path RUNBOOK = Path.of("..", "docs", "RUNBOOK.md");
    private static final Pattern EXPORT = Pattern.compile("export\\s+([A-Za-z_][A-Za-z0-9_]*)=(.*)");
    private static final Pattern CAPTURE = Pattern.compile("\"?\\$\\((dreamnet\\s.*)\\)\"?");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;

    private static PostgresTestDatabase database;
    private static DreamnetServer server;
    /** The runbook's shell variables; blocks run one after another on the test thread. */
    private static final Map<String, String> ENV = new LinkedHashMap<>();

    @BeforeAll
    static void startTheShippedServer() throws Exception {
        Path tokens = AdminTokenFile.create(dir.resolve("admin-tokens"), "runbook-admin-" + Long.toHexString(System.nanoTime()));
        Path flags = Files.copy(Path.of("..", "config", "feature-flags.yaml"), dir.resolve("feature-flags.yaml"));
        Path overload = Files.copy(Path.of("..", "config", "overload.yaml"), dir.resolve("overload.yaml"));
        server = DreamnetServer.start(ServerConfig.builder().host("127.0.0.1").port(0).dataDir(dir.resolve("data"))
                .graphFile(Path.of("..", "deploy", "graph.json")).queuesFile(Path.of("..", "config", "queues.yaml"))
                .flagsFile(flags).overloadFile(overload)
                .gateStartupInterval(Duration.ofMillis(50)).gateInterval(Duration.ofMillis(100))
                .environment(Map.of("DREAMNET_ADMIN_TOKENS_FILE", tokens.toString())).build());
        ENV.put("DREAMNET_URL", "http://127.0.0.1:" + server.port());
        ENV.put("DREAMNET_TOKEN", Files.readAllLines(tokens).get(0));
        ENV.put("DREAMNET_ADMIN_TOKENS_FILE", tokens.toString());
        database = PostgresTestDatabase.create("runbook");
        ENV.put("DREAMNET_DB", database.jdbcUrl());
        assertThat(Cli.run("migrate", "up", "--db", database.jdbcUrl()).exitCode()).as("the deployed schema").isZero();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(ENV.get("DREAMNET_URL") + "/health/ready")).build();
        await("server ready").atMost(Duration.ofSeconds(20))
                .until(() -> HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.shutdown();
        }
        if (database != null) {
            database.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyRunbookBlockRunsAndHasTheEffectItClaims() throws Exception {
        return document().blocks().stream().map(block -> DynamicTest.dynamicTest(block.toString(), () -> run(block)));
    }

    @Test
    void theRunbookRunsEveryPreBakedAction() throws Exception {
        List<String> commands = document().blocks().stream().flatMap(b -> b.commands().stream()).toList();

        for (String action : List.of("brownout on", "brownout off", "emergency on", "write-drain on", "safe-mode on",
                "breaker force-open", "breaker reset", "rollout rollback", "agent quarantine", "agent release",
                "migrate down", "keys rotate", "keys retire", "status", "overload pin",
                "overload unpin")) {
            assertThat(commands).as(action).anyMatch(c -> c.contains("dreamnet " + action));
        }
    }

    private static RunbookDocument document() throws Exception {
        return RunbookDocument.parse(Files.readString(RUNBOOK));
    }

    private static void run(RunbookDocument.Block block) throws Exception {
        StringBuilder output = new StringBuilder();
        for (String line : block.commands()) {
            output.append(runLine(block, line));
        }
        for (String text : block.outputs()) {
            assertThat(output.toString()).as(block + ": expect-output").contains(text);
        }
        for (JsonExpectation expectation : block.expects()) {
            JsonNode body = get(expectation.path());
            JsonNode actual = expectation.select(body);
            assertThat(expectation.matches(actual)).as(block + ": " + expectation + ", was " + actual + " in " + body).isTrue();
        }
    }

    /** Runs one line and returns what it printed; an {@code export} sets a variable for the lines after it. */
    private static String runLine(RunbookDocument.Block block, String line) {
        Matcher export = EXPORT.matcher(line);
        if (!export.matches()) {
            return dreamnet(block, line, ShellWords.split(line, ENV));
        }
        Matcher capture = CAPTURE.matcher(export.group(2));
        if (capture.matches()) {
            String out = dreamnet(block, line, ShellWords.split(capture.group(1), ENV));
            ENV.put(export.group(1), out.trim());
            return out;
        }
        List<String> value = ShellWords.split(export.group(2), ENV);
        assertThat(value).as(block + ": " + line + ": export takes one word").hasSize(1);
        ENV.put(export.group(1), value.get(0));
        return "";
    }

    private static String dreamnet(RunbookDocument.Block block, String line, List<String> words) {
        assertThat(words).as(block + ": every runbook line is a dreamnet command: " + line).isNotEmpty()
                .first().isEqualTo("dreamnet");
        String[] args = withServer(words.subList(1, words.size()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        assertThat(code).as(block + ": " + line + "\n" + out + err).isEqualTo(block.exitCode());
        assertThat(err.toString()).as(block + ": " + line).doesNotContain("Exception", "\tat ");
        return out.toString();
    }

    /** Adds --url and --token from the runbook's variables to a command that talks to the server, as the env would. */
    private static String[] withServer(List<String> args) {
        List<String> all = new ArrayList<>(args);
        CommandLine.ParseResult parsed = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
                .parseArgs(args.toArray(String[]::new));
        while (parsed.hasSubcommand()) {
            parsed = parsed.subcommand();
        }
        for (Map.Entry<String, String> option : Map.of("--url", "DREAMNET_URL", "--token", "DREAMNET_TOKEN").entrySet()) {
            if (parsed.commandSpec().findOption(option.getKey()) != null && !parsed.hasMatchedOption(option.getKey())) {
                all.addAll(List.of(option.getKey(), ENV.get(option.getValue())));
            }
        }
        return all.toArray(String[]::new);
    }

    private static JsonNode get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(ENV.get("DREAMNET_URL") + path)).build();
        return JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }
}
