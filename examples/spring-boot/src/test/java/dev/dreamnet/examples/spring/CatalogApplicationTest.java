package dev.dreamnet.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The catalog as it runs, on a random port, through a real HTTP client, with the pricing service played by a local
 * HTTP server. Everything DreamNet does here comes from {@code application.properties} (the test only points the
 * graph's health check and the client at the fake pricing, and checks gates every 100 ms): readiness follows the
 * pricing gate, the price falls back and the breaker opens while pricing fails, brownout sheds recommendations, an
 * OpenFeature flag follows the mode, and the meters reach Prometheus. One application for every test, in order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dreamnet.gates.startup-interval=50ms",
        "dreamnet.gates.interval=100ms",
        "dreamnet.tokens.admin=" + CatalogApplicationTest.ADMIN,
        "management.endpoint.health.show-details=always",
        "management.defaults.metrics.export.enabled=true"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CatalogApplicationTest {

    static final String ADMIN = "catalog-test-admin";
    private static final FakePricing PRICING = startPricing();

    @LocalServerPort
    int port;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static FakePricing startPricing() {
        try {
            return new FakePricing();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shipped graph, with its health check pointed at the fake pricing's port. */
    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Path graph = Files.createTempDirectory("catalog").resolve("graph.json");
        Files.writeString(graph, Files.readString(Path.of("config/graph.json"))
                .replace("http://127.0.0.1:8081", PRICING.url()));
        graph.toFile().deleteOnExit();
        registry.add("dreamnet.graph", graph::toString);
        registry.add("catalog.pricing-url", PRICING::url);
        registry.add("dreamnet.database", () -> "jdbc:h2:mem:catalog_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    }

    @AfterAll
    static void stopPricing() {
        PRICING.close();
    }

    @Test
    @Order(1)
    void startsReadyOncePricingAnswersWithProbesAndTheGateInHealth() throws Exception {
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        HttpResponse<String> readiness = get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"readinessState\":{\"status\":\"UP\"}", "\"pricing\"");
        HttpResponse<String> product = get("/api/products/1");
        assertThat(product.statusCode()).isEqualTo(200);
        assertThat(product.body()).contains("Espresso cup");
        HttpResponse<String> console = get("/actuator/dreamnet/console");
        assertThat(console.statusCode()).as("the operator console, with no code of the example's").isEqualTo(200);
        assertThat(console.body()).contains("<title>DreamNet console</title>",
                "<meta name=\"dreamnet-api\" content=\"/actuator/dreamnet\">");
    }

    @Test
    @Order(2)
    void aPriceCarriesTheSaleBadgeOfAnOpenFeatureFlagThatEmergencyTurnsOff() throws Exception {
        assertThat(get("/api/products/1/price").body()).contains("\"price\":12.50", "\"fallback\":false",
                "\"badge\":\"sale\"");

        assertThat(post("/actuator/dreamnet/modes/emergency", "{\"enabled\":true,\"reason\":\"test\"}").statusCode())
                .isEqualTo(200);
        try {
            assertThat(get("/api/products/1/price").body()).contains("\"price\":12.50", "\"badge\":null");
        } finally {
            post("/actuator/dreamnet/modes/emergency", "{\"enabled\":false,\"reason\":\"test over\"}");
        }
        assertThat(get("/api/products/1/price").body()).contains("\"badge\":\"sale\"");
    }

    @Test
    @Order(3)
    void brownoutShedsRecommendationsByTheirRouteFlagWhileProductsAnswer() throws Exception {
        assertThat(get("/api/products/1/recommendations").body()).contains("Milk jug");

        assertThat(post("/actuator/dreamnet/modes/brownout", "{\"enabled\":true,\"reason\":\"test\"}").statusCode())
                .isEqualTo(200);
        try {
            HttpResponse<String> shed = get("/api/products/1/recommendations");
            assertThat(shed.statusCode()).isEqualTo(503);
            assertThat(shed.body()).contains("feature off", "recommendations");
            assertThat(get("/api/products/1").statusCode()).isEqualTo(200);
        } finally {
            post("/actuator/dreamnet/modes/brownout", "{\"enabled\":false,\"reason\":\"test over\"}");
        }
        assertThat(get("/api/products/1/recommendations").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(4)
    void whilePricingFailsThePriceFallsBackAndTheBreakerStopsCallingIt() throws Exception {
        PRICING.prices(500);
        try {
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> price = get("/api/products/2/price");
                assertThat(price.statusCode()).isEqualTo(200);
                assertThat(price.body()).contains("\"price\":null", "\"fallback\":true");
            }
            assertThat(get("/actuator/dreamnet/breakers").body()).contains("\"pricing\"", "OPEN");
            int calls = PRICING.priceRequests();
            assertThat(get("/api/products/2/price").body()).contains("\"fallback\":true");
            assertThat(PRICING.priceRequests()).as("the open breaker answers without calling pricing")
                    .isEqualTo(calls);
        } finally {
            PRICING.prices(200);
            post("/actuator/dreamnet/breakers/pricing", "{\"action\":\"reset\",\"reason\":\"test over\"}");
        }
        assertThat(get("/api/products/2/price").body()).contains("\"fallback\":false");
    }

    @Test
    @Order(5)
    void whenPricingsHealthFailsTheServiceLeavesTrafficAndComesBack() throws Exception {
        PRICING.health(503);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> get("/actuator/health/readiness").statusCode() == 503);
            HttpResponse<String> refused = get("/api/products/1");
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.body()).contains("not ready", "pricing");
            assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        } finally {
            PRICING.health(200);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/actuator/health/readiness").statusCode() == 200);
        assertThat(get("/api/products/1").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(6)
    void dreamnetsMetersReachPrometheusPerRouteTemplate() throws Exception {
        await().atMost(Duration.ofSeconds(15)).until(() -> get("/actuator/prometheus").body()
                .contains("dreamnet_http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\""
                        + ",route=\"/api/products/{id}\""));
        assertThat(get("/actuator/prometheus").body()).contains("dreamnet_health_gate_ready{",
                "gate=\"pricing\"", "dreamnet_overload_limit", "dreamnet_circuit_breaker_state{");
    }

    /**
     * The on-call engineer's {@code dreamnet} command, the released jar run as a process, pointed at the catalog's
     * actuator: it reads the summary, breakers, flags and rollouts there, turns brownout on and off, overrides a flag
     * and clears it, starts and rolls back a rollout, and says plainly what a Spring Boot application's endpoint does
     * not have.
     */
    @Test
    @Order(7)
    void theDreamnetCommandOperatesTheServiceThroughItsActuator() throws Exception {
        Cli status = dreamnet("status");
        assertThat(status.exit()).as(status.err()).isZero();
        assertThat(status.out()).contains("DreamNet at http://127.0.0.1:" + port + "/actuator", "Mode:       NORMAL",
                "Breakers:   pricing");
        assertThat(dreamnet("breakers").out()).contains("BREAKER", "pricing");
        assertThat(dreamnet("flags").out()).contains("mode NORMAL", "recommendations");
        assertThat(dreamnet("top", "--iterations", "1").out()).contains("/api/products/{id}");

        Cli refused = dreamnet("brownout", "on", "--reason", "no token");
        assertThat(refused.exit()).as("no admin token: no permission").isEqualTo(4);
        assertThat(refused.err()).contains("server answered 401");
        Cli brownout = dreamnet("brownout", "on", "--reason", "INC-7 the CLI sheds recommendations", "--token", ADMIN);
        assertThat(brownout.exit()).as(brownout.err()).isZero();
        assertThat(brownout.out()).contains("mode BROWNOUT");
        assertThat(get("/api/products/1/recommendations").statusCode()).isEqualTo(503);
        assertThat(dreamnet("brownout", "off", "--reason", "INC-7 over", "--token", ADMIN).out()).contains("mode NORMAL");
        assertThat(get("/api/products/1/recommendations").statusCode()).isEqualTo(200);

        Cli override = dreamnet("flag", "recommendations", "off", "--reason", "INC-7 one flag", "--token", ADMIN);
        assertThat(override.exit()).as(override.err()).isZero();
        assertThat(override.out()).contains("flag recommendations: override off, effective OFF (decided by OVERRIDE)");
        assertThat(get("/api/products/1/recommendations").statusCode()).isEqualTo(503);
        Cli cleared = dreamnet("flag", "recommendations", "clear", "--reason", "INC-7 over", "--token", ADMIN);
        assertThat(cleared.exit()).as(cleared.err()).isZero();
        assertThat(cleared.out()).contains("flag recommendations: no override, effective ON");
        assertThat(get("/api/products/1/recommendations").statusCode()).isEqualTo(200);

        Cli started = dreamnet("rollout", "start", "catalog-v2", "--steps", "10,50,100", "--bake", "10m", "--manual",
                "--reason", "INC-8 the new catalog", "--token", ADMIN);
        assertThat(started.exit()).as(started.err()).isZero();
        assertThat(started.out()).contains("catalog-v2: RUNNING at 10.00%");
        assertThat(dreamnet("rollouts").out()).contains("catalog-v2: RUNNING");
        Cli rolledBack = dreamnet("rollout", "rollback", "catalog-v2", "--reason", "INC-8 done", "--token", ADMIN);
        assertThat(rolledBack.exit()).as(rolledBack.err()).isZero();
        assertThat(rolledBack.out()).contains("catalog-v2: ROLLED_BACK");
        Cli audit = dreamnet("audit", "--limit", "3");
        assertThat(audit.exit()).as(audit.err()).isZero();
        assertThat(audit.out()).contains("rollout.rollback", "catalog-v2", "INC-8 done", "rollout.start");

        Cli slo = dreamnet("slo");
        assertThat(slo.exit()).as(slo.err()).isZero();
        assertThat(slo.out()).contains("product-pages", "OK");
        Cli queues = dreamnet("queues");
        assertThat(queues.exit()).as("the endpoint has no queues: not found").isEqualTo(5);
        assertThat(queues.err()).contains("no equivalent of /api/observability/queues", "nothing was sent");
    }

    private record Cli(int exit, String out, String err) {
    }

    /** Runs {@code dreamnet ARGS --url <this service's actuator>} and waits for it. */
    private Cli dreamnet(String... args) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("dreamnet.cli.jar", "../../cli/target/dreamnet.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError("no dreamnet command at " + jar.toAbsolutePath() + ": build the repository first "
                    + "(mvn -B install -DskipTests -Dinvoker.skip at its root), or pass -Ddreamnet.cli.jar=...");
        }
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(java.util.List.of(args));
        command.addAll(java.util.List.of("--url", "http://127.0.0.1:" + port + "/actuator"));
        Path out = Files.createTempFile("dreamnet", ".out");
        Path err = Files.createTempFile("dreamnet", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().remove("DREAMNET_TOKEN");
            Process process = builder.start();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("dreamnet " + String.join(" ", args) + " did not finish in 60 s");
            }
            return new Cli(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + ADMIN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
