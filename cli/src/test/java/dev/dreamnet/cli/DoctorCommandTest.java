package dev.dreamnet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dreamnet doctor}: the shipped configuration passes; each broken file or unreachable thing fails in one line. */
class DoctorCommandTest {

    private static final String RABBIT = "amqp://guest:guest@127.0.0.1:5672/%2F";

    @TempDir
    Path dir;

    private static int closedPort;
    private Path tokens;

    @BeforeAll
    static void noTokenInTheEnvironment() throws Exception {
        assumeTrue(System.getenv("DREAMNET_ADMIN_TOKENS") == null, "DREAMNET_ADMIN_TOKENS is set in this environment");
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
    }

    @BeforeEach
    void tokenFile() throws Exception {
        tokens = AdminTokenFile.create(dir.resolve("admin-tokens"), "doctor-token");
    }

    @Test
    void theShippedConfigurationWithRabbitMqPasses() {
        Cli cli = doctor("--queue", RABBIT);

        assertThat(cli.exitCode()).as(cli.out()).isZero();
        assertThat(cli.out()).contains("[ok] ../deploy/graph.json: 9 services, valid\n",
                "[ok] ../config/feature-flags.yaml: 9 flags, valid\n", "[ok] ../config/resilience.yaml: 3 services, valid\n",
                "[ok] ../config/queues.yaml: 2 queues, valid\n", "[ok] agent queues: every agent's queue is declared",
                "[ok] admin token: 1 token(s) in ", "[ok] database: embedded H2 will be created under ",
                "[ok] ../config/overload.yaml: 4 route classes, valid\n", "[ok] ../config/slos.yaml: 4 objectives, valid\n",
                "[ok] rabbitmq: 127.0.0.1:5672 accepts connections\n").endsWith("all 10 checks passed\n");
    }

    @Test
    void jsonListsEveryCheck() throws Exception {
        JsonNode json = new ObjectMapper().readTree(doctor("--json").out());

        assertThat(json.path("ok").asBoolean()).isTrue();
        assertThat(json.path("checks")).hasSize(9);
        assertThat(json.at("/checks/0/detail").asText()).isEqualTo("9 services, valid");
    }

    @Test
    void aBrokenGraphFails() throws Exception {
        Path graph = Files.writeString(dir.resolve("graph.json"), "{\"services\": [{\"name\": \"api\", \"dependsOn\": [\"nope\"]}]}");

        assertFails(doctor("--graph", graph.toString()), "[FAIL] " + graph + ": ");
    }

    @Test
    void aBrokenFlagsFileFailsNamingTheLine() throws Exception {
        Path flags = Files.writeString(dir.resolve("flags.yaml"), "flags:\n  x:\n    enabled: yes\n");

        assertFails(doctor("--flags", flags.toString()), "[FAIL] " + flags + ":");
    }

    /** serve refused these files, naming them, while doctor said every check passed. */
    @Test
    void aBrokenOverloadOrSlosFileFailsNamingTheLine() throws Exception {
        Path overload = Files.writeString(dir.resolve("overload.yaml"), "enabled: true\nlimit:\n  initial: -4\n");
        Path slos = Files.writeString(dir.resolve("slos.yaml"), "slos:\n  reads:\n    objective: 120\n");

        assertFails(doctor("--overload", overload.toString()), "[FAIL] " + overload + ":");
        assertFails(doctor("--slos", slos.toString()), "[FAIL] " + slos + ":");
    }

    @Test
    void aBrokenResilienceFileFails() throws Exception {
        Path file = Files.writeString(dir.resolve("resilience.yaml"), "defaults:\n  timeout: -1s\n");

        assertFails(doctor("--resilience", file.toString()), "[FAIL] " + file + ":");
    }

    /** An unknown downstream in the resilience file was accepted silently; serve met a misspelt one only after binding. */
    @Test
    void aMisspeltDownstreamInTheResilienceFileFailsNamingTheLine() throws Exception {
        Path file = Files.writeString(dir.resolve("resilience.yaml"), "services:\n  database: {}\n  provder: {}\n");

        assertFails(doctor("--resilience", file.toString()),
                "[FAIL] " + file + ":3: services.provder: unknown downstream \"provder\" (did you mean \"provider\"?)");
    }

    /** A startTimeout of 99999999h passed doctor, and serve then exited 70 with "long overflow". */
    @Test
    void aStartTimeoutBeyondADayFails() throws Exception {
        Path graph = Files.writeString(dir.resolve("graph.json"),
                "{\"services\": [{\"name\": \"database\", \"kind\": \"database\", \"startTimeout\": \"99999999h\"}]}");

        assertFails(doctor("--graph", graph.toString()),
                "[FAIL] " + graph + ": service \"database\": startTimeout: \"99999999h\" is out of range (at most 24h)");
    }

    @Test
    void aQueuesFileWithoutAnAgentsQueueFails() throws Exception {
        Path file = Files.writeString(dir.resolve("queues.yaml"), "queues:\n  dream-events.citadel: {}\n");

        assertFails(doctor("--queues", file.toString()),
                "[FAIL] agent queues: not declared in " + file + ": dream-events.dronedome");
    }

    @Test
    void aBrokenQueuesFileFails() throws Exception {
        Path file = Files.writeString(dir.resolve("queues.yaml"), "queues:\n  dream-events.citadel: {maxAttempts: 0}\n");

        assertFails(doctor("--queues", file.toString()), "[FAIL] " + file + ":");
    }

    @Test
    void aMissingOrEmptyTokenFileFails() throws Exception {
        assertFails(doctor("--tokens-file", dir.resolve("none").toString()), "[FAIL] admin token: " + dir.resolve("none") + " does not exist");
        Path empty = Files.writeString(dir.resolve("empty"), "# nothing yet\n");
        assertFails(doctor("--tokens-file", empty.toString()), "[FAIL] admin token: " + empty + " holds no token");
    }

    @Test
    void anUnreachableDatabaseFails() {
        assertFails(doctor("--db", "jdbc:postgresql://127.0.0.1:" + closedPort + "/x?user=u&password=secret"),
                "[FAIL] database: cannot connect to jdbc:postgresql://127.0.0.1:" + closedPort + "/x?user=u&password=***: ");
    }

    @Test
    void anUnreachableBrokerFails() {
        assertFails(doctor("--queue", "amqp://guest:guest@127.0.0.1:" + closedPort + "/%2F"),
                "[FAIL] rabbitmq: cannot connect to 127.0.0.1:" + closedPort + ": ");
    }

    @Test
    void anUnreachableProviderFails() throws Exception {
        Path file = Files.writeString(dir.resolve("resilience.yaml"),
                "services:\n  provider:\n    baseUrl: \"http://127.0.0.1:" + closedPort + "\"\n");

        assertFails(doctor("--resilience", file.toString()),
                "[FAIL] provider http://127.0.0.1:" + closedPort + ": cannot connect to 127.0.0.1:" + closedPort);
    }

    @Test
    void aServerThatIsDownFails() {
        assertFails(doctor("--url", "http://127.0.0.1:" + closedPort),
                "[FAIL] server: cannot reach http://127.0.0.1:" + closedPort + "/health/ready: connection refused");
        assertFails(doctor("--url", "http://127.0.0.1:" + closedPort + "/actuator"),
                "[FAIL] server: cannot reach http://127.0.0.1:" + closedPort
                        + "/actuator/health/readiness: connection refused");
    }

    @Test
    void anEmbeddedDatabaseHeldByARunningServerIsNotAFailure() throws Exception {
        Path data = dir.resolve("data");
        String url = "jdbc:h2:file:" + data.toAbsolutePath().resolve("dreamnet");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                HoldDatabase.class.getName(), url).start();
        try {
            java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(
                    holder.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
            assertThat(lines.readLine()).isEqualTo("ready");

            Cli cli = doctor();

            assertThat(cli.exitCode()).as(cli.out()).isZero();
            assertThat(cli.out()).contains("[ok] database: embedded H2 under " + data
                    + " is open in a running process (dreamnet serve?); not opened from here\n");
        } finally {
            holder.destroyForcibly().waitFor();
        }
    }

    /** Runs doctor on the shipped files; {@code overrides} are option-value pairs (or a lone flag like --json). */
    private Cli doctor(String... overrides) {
        Map<String, String> options = new LinkedHashMap<>(Map.of("--graph", "../deploy/graph.json",
                "--flags", "../config/feature-flags.yaml", "--resilience", "../config/resilience.yaml",
                "--queues", "../config/queues.yaml", "--overload", "../config/overload.yaml",
                "--slos", "../config/slos.yaml", "--data-dir", dir.resolve("data").toString(),
                "--tokens-file", tokens.toString()));
        List<String> args = new ArrayList<>(List.of("doctor"));
        for (int i = 0; i < overrides.length; i++) {
            if (overrides[i].equals("--json")) {
                args.add("--json");
            } else {
                options.put(overrides[i], overrides[++i]);
            }
        }
        options.forEach((option, value) -> args.addAll(List.of(option, value)));
        return Cli.run(args.toArray(String[]::new));
    }

    /** Exactly one check failed, in one line starting with {@code failure}, and the command exited 1. */
    private static void assertFails(Cli cli, String failure) {
        assertThat(cli.exitCode()).as(cli.out() + cli.err()).isEqualTo(1);
        assertThat(cli.out().lines().filter(l -> l.startsWith("[FAIL]"))).as(cli.out()).singleElement()
                .asString().startsWith(failure);
        assertThat(cli.out() + cli.err()).doesNotContain("Exception", "\tat ");
    }
}
