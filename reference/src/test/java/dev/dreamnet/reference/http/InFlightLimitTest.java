package dev.dreamnet.reference.http;

import dev.dreamnet.javalin.http.HttpLimits;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dreamnet.reference.DreamnetServer;
import dev.dreamnet.reference.support.GraphJson;
import dev.dreamnet.reference.support.Http;
import dev.dreamnet.reference.support.Reply;
import dev.dreamnet.reference.support.Servers;
import dev.dreamnet.reference.support.TestCustomizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression: under a flood of list requests the server took every one on (250 workers, no limit), ran a 128 MB heap
 * out of memory and stopped answering even {@code /health/live}. Past the in-flight limit it now refuses at once.
 */
class InFlightLimitTest {

    private static final int LIMIT = 2;

    @TempDir
    Path dir;

    private final CountDownLatch holding = new CountDownLatch(LIMIT);
    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService clients = Executors.newFixedThreadPool(LIMIT);
    private DreamnetServer server;
    private Http http;

    @BeforeEach
    void start() throws Exception {
        TestCustomizer routes = new TestCustomizer().get("/test/hold", ctx -> {
            holding.countDown();
            ctx.result(release.await(Servers.DEADLINE.toMillis(), TimeUnit.MILLISECONDS) ? "released" : "timed out");
        });
        server = DreamnetServer.start(Servers.config(dir, GraphJson.reference().writeTo(dir))
                .http(HttpLimits.builder().maxInFlight(LIMIT).build()).build(), routes);
        http = new Http(server.port());
        Servers.awaitReady(http);
    }

    @AfterEach
    void stop() {
        release.countDown();
        clients.shutdownNow();
        server.shutdown();
    }

    @Test
    void pastTheLimitRequestsGet503WithRetryAfterWhileProbesKeepAnswering() throws Exception {
        List<Future<Reply>> held = holdTheLimit();

        for (int i = 0; i < 5; i++) {
            Reply refused = http.get("/api/dreams");
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.header("Retry-After")).isNotBlank();
            assertThat(refused.text("error")).isEqualTo("overloaded");
            assertThat(refused.text("detail")).contains("--max-in-flight");
            assertThat(http.get("/health/live").status()).as("liveness is never refused").isEqualTo(200);
            assertThat(http.get("/health/ready").status()).as("nor readiness").isEqualTo(200);
        }

        release.countDown();
        for (Future<Reply> each : held) {
            assertThat(each.get(Servers.DEADLINE.toMillis(), TimeUnit.MILLISECONDS).status()).isEqualTo(200);
        }
        assertThat(http.get("/api/dreams").status()).as("places are given back").isEqualTo(200);
    }

    @Test
    void refusedAndFailedRequestsGiveTheirPlaceBack() {
        for (int i = 0; i < 3 * LIMIT; i++) {
            assertThat(http.get("/api/dreams/not-a-number").status()).isEqualTo(400);
            assertThat(http.get("/no/such/route").status()).isEqualTo(404);
        }

        assertThat(http.get("/api/dreams").status()).isEqualTo(200);
    }

    @Test
    void theWorkerPoolIsBoundedToTheConfiguredThreadsAndTheLimitIsShownInTheSaturation() {
        JsonNode saturation = http.get("/api/observability/golden-signals").json()
                .get("saturation");

        assertThat(saturation.get("workers").get("max").asInt())
                .isEqualTo(HttpLimits.builder().maxInFlight(LIMIT).build().maxThreads());
        assertThat(saturation.get("inFlightLimit").asInt()).isEqualTo(LIMIT);
    }

    private List<Future<Reply>> holdTheLimit() throws InterruptedException {
        List<Future<Reply>> held = new ArrayList<>();
        for (int i = 0; i < LIMIT; i++) {
            held.add(clients.submit(() -> http.get("/test/hold")));
        }
        assertThat(holding.await(Servers.DEADLINE.toMillis(), TimeUnit.MILLISECONDS)).as("both held").isTrue();
        return held;
    }
}
