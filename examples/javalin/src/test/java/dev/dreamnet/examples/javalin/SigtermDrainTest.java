package dev.dreamnet.examples.javalin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code CatalogApp.main} in its own JVM, stopped by SIGTERM as a container platform would: it drains first. */
class SigtermDrainTest {

    private static final Pattern LISTENING = Pattern.compile("catalog listening on port (\\d+)");

    @TempDir
    Path dir;

    private FakePricing pricing;
    private Process process;

    @BeforeEach
    void pricing() throws Exception {
        pricing = new FakePricing();
    }

    @AfterEach
    void stop() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        pricing.close();
    }

    @Test
    void sigtermLetsTheRequestInFlightFinishThenExits() throws Exception {
        Path log = dir.resolve("catalog.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CatalogApp.class.getName())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(Map.of("HOST", "127.0.0.1", "PORT", "0", "PRICING_URL", pricing.url(),
                "CATALOG_CONFIG", Path.of("config").toAbsolutePath().toString(), "CATALOG_DATABASE", "jdbc:h2:mem:sigterm"));
        process = builder.start();
        Http http = new Http(awaitPort(log));
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/health/ready").statusCode() == 200);

        pricing.priceDelay(Duration.ofSeconds(1));
        CompletableFuture<HttpResponse<String>> inFlight = http.getAsync("/api/products/3/price");
        assertThat(pricing.awaitPriceRequest(Duration.ofSeconds(20))).as("the request reached pricing").isNotNull();
        process.destroy(); // SIGTERM

        HttpResponse<String> answered = inFlight.get(30, TimeUnit.SECONDS);
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(answered.body()).isEqualTo("{\"id\":\"3\",\"price\":12.50,\"fallback\":false}");
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the process exited").isTrue();
    }

    private int awaitPort(Path log) {
        AtomicInteger port = new AtomicInteger();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            assertThat(process.isAlive()).as("catalog exited early: %s", tail(log)).isTrue();
            for (String line : Files.readAllLines(log)) {
                Matcher matcher = LISTENING.matcher(line);
                if (matcher.find()) {
                    port.set(Integer.parseInt(matcher.group(1)));
                    return true;
                }
            }
            return false;
        });
        return port.get();
    }

    private static String tail(Path log) throws Exception {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }
}
