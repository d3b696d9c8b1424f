package dev.dreamnet.examples.javalin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog with DreamNet, on a real port, against a fake pricing service: what a user of the example relies on. */
class CatalogAppTest {

    private static final String ADMIN_TOKEN = "example-admin-token";

    @TempDir
    Path dir;

    private FakePricing pricing;
    private CatalogApp app;
    private Http http;

    @BeforeEach
    void pricing() throws Exception {
        pricing = new FakePricing();
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.stop();
        }
        pricing.close();
    }

    @Test
    void answers503UntilThePricingHealthCheckPasses() throws Exception {
        pricing.health(503);
        start();

        assertThat(http.get("/health/ready").statusCode()).isEqualTo(503);
        HttpResponse<String> product = http.get("/api/products/1");
        assertThat(product.statusCode()).isEqualTo(503);
        assertThat(product.headers().firstValue("Retry-After")).isPresent();

        pricing.health(200);
        awaitReady();
        assertThat(http.get("/api/products/1").body()).contains("\"name\":\"Espresso cup\"");
    }

    @Test
    void answersThePriceFromThePricingService() throws Exception {
        startReady();

        HttpResponse<String> price = http.get("/api/products/2/price");

        assertThat(price.statusCode()).isEqualTo(200);
        assertThat(price.body()).isEqualTo("{\"id\":\"2\",\"price\":12.50,\"fallback\":false}");
        assertThat(pricing.awaitPriceRequest(Duration.ofSeconds(5))).isEqualTo("/prices/2");
    }

    @Test
    void breakerOpensWhenPricingFailsAndTheFallbackAnswers() throws Exception {
        startReady();
        pricing.prices(500);

        for (int i = 0; i < 3; i++) {
            HttpResponse<String> price = http.get("/api/products/1/price");
            assertThat(price.statusCode()).isEqualTo(200);
            assertThat(price.body()).isEqualTo("{\"id\":\"1\",\"price\":null,\"fallback\":true}");
        }
        assertThat(http.get("/api/observability/circuit-breakers").body())
                .contains("{\"name\":\"pricing\",\"state\":\"OPEN\"");

        int calledBefore = pricing.priceRequestCount();
        assertThat(http.get("/api/products/1/price").body()).contains("\"fallback\":true");
        assertThat(pricing.priceRequestCount()).as("an open breaker refuses without calling pricing")
                .isEqualTo(calledBefore);
    }

    @Test
    void brownoutTurnsRecommendationsOffWhileProductsStillAnswer() throws Exception {
        startReady();
        assertThat(http.get("/api/products/1/recommendations").statusCode()).isEqualTo(200);

        HttpResponse<String> brownout = http.postJson("/api/integration-flags/brownout/enable",
                "{\"reason\": \"pricing incident\"}", ADMIN_TOKEN);
        assertThat(brownout.statusCode()).as(brownout.body()).isEqualTo(200);

        assertThat(http.get("/api/products/1/recommendations").statusCode()).isEqualTo(503);
        assertThat(http.get("/api/products/1").statusCode()).isEqualTo(200);
    }

    @Test
    void unknownProductIs404() throws Exception {
        startReady();

        assertThat(http.get("/api/products/42").statusCode()).isEqualTo(404);
    }

    /** CI sets DREAMNET_REQUIRE_PROMTOOL=1 (after installing it), so there the check cannot be skipped. */
    @Test
    void promtoolAcceptsTheMetrics() throws Exception {
        File promtool = promtool();
        boolean required = "1".equals(System.getenv("DREAMNET_REQUIRE_PROMTOOL"));
        assertThat(promtool != null || !required).as("promtool is required here but not on the PATH").isTrue();
        Assumptions.assumeTrue(promtool != null, "promtool is not installed (Debian package prometheus)");
        startReady();
        http.get("/api/products/1");
        http.get("/api/products/1/price");
        Path scraped = dir.resolve("metrics.txt");
        Files.writeString(scraped, http.get("/metrics").body());

        Process check = new ProcessBuilder(promtool.getPath(), "check", "metrics").redirectInput(scraped.toFile())
                .redirectErrorStream(true).start();
        assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(output).isEmpty();
        assertThat(check.exitValue()).isZero();
        assertThat(Files.readString(scraped)).contains("route=\"/api/products/{id}\"");
    }

    private void start() throws Exception {
        app = CatalogApp.start(new CatalogSettings("127.0.0.1", 0, pricing.url(), Path.of("config"),
                "jdbc:h2:mem:catalog-" + UUID.randomUUID(), Map.of("DREAMNET_ADMIN_TOKENS", ADMIN_TOKEN)));
        http = new Http(app.port());
    }

    private void startReady() throws Exception {
        start();
        awaitReady();
    }

    private void awaitReady() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> http.get("/health/ready").statusCode() == 200);
    }

    private static File promtool() {
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File candidate = new File(entry, "promtool");
            if (candidate.canExecute()) {
                return candidate;
            }
        }
        return null;
    }
}
