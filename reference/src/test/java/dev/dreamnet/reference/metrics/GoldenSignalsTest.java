package dev.dreamnet.reference.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dreamnet.reference.DreamnetServer;
import dev.dreamnet.reference.support.DagJson;
import dev.dreamnet.reference.support.GraphJson;
import dev.dreamnet.reference.support.Http;
import dev.dreamnet.reference.support.Servers;
import dev.dreamnet.reference.support.TestCustomizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real HTTP traffic with known latencies and error shares, read back from the golden signals. The
 * server measures less than the client sees and at least what the handler slept, so each
 * percentile must lie between the sleep and the client's own percentile plus the histogram's 1%.
 */
class GoldenSignalsTest {

    @TempDir
    Path dir;

    private DreamnetServer server;
    private Http http;

    @BeforeEach
    void start() throws Exception {
        server = Servers.start(dir, GraphJson.reference(), new TestCustomizer()
                .get("/test/sleep/{ms}", ctx -> {
                    Thread.sleep(Long.parseLong(ctx.pathParam("ms")));
                    ctx.result("slept");
                })
                .get("/test/fail", ctx -> ctx.status(500).result("failed on purpose")));
        http = new Http(server.port());
        Servers.awaitReady(http);
    }

    @AfterEach
    void stop() {
        server.shutdown();
    }

    @Test
    void latencyPercentilesOfRealRequestsLieBetweenTheHandlersSleepAndWhatTheClientSaw() {
        List<Double> clientMillis = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long ms = i < 30 ? 20 : 120;
            long started = System.nanoTime();
            assertThat(http.get("/test/sleep/" + ms).status()).isEqualTo(200);
            clientMillis.add((System.nanoTime() - started) / 1e6);
        }
        Collections.sort(clientMillis);

        JsonNode window = route("GET /test/sleep/{ms}").get("windows").get("1m");
        JsonNode success = window.get("latency").get("success");

        assertThat(window.get("traffic").get("requests").asLong()).isEqualTo(40);
        assertThat(success.get("count").asLong()).isEqualTo(40);
        assertThat(success.get("p50Ms").asDouble()).isBetween(20.0, clientMillis.get(19) * 1.01);
        assertThat(success.get("p95Ms").asDouble()).isBetween(120.0, clientMillis.get(37) * 1.01);
        assertThat(success.get("maxMs").asDouble()).isBetween(120.0, clientMillis.get(39) * 1.01);
        assertThat(window.get("latency").get("serverError").get("count").asLong()).isZero();
        assertThat(window.get("latency").get("serverError").get("p99Ms").isNull())
                .as("no errors is empty, not zero latency").isTrue();
    }

    @Test
    void errorSharesAreCountedExactlyPerRouteAndOverall() {
        for (int i = 0; i < 30; i++) {
            http.get("/test/sleep/0");
        }
        for (int i = 0; i < 10; i++) {
            assertThat(http.get("/test/fail").status()).isEqualTo(500);
        }
        for (int i = 0; i < 5; i++) {
            assertThat(http.get("/api/dreams/" + (1_000_000 + i)).status()).isEqualTo(404);
        }

        JsonNode fail = route("GET /test/fail").get("windows").get("1m");
        JsonNode dreams = route("GET /api/dreams/{id}").get("windows").get("1m");
        JsonNode signals = http.get("/api/observability/golden-signals").json();

        assertThat(fail.get("errors").get("serverErrors").asLong()).isEqualTo(10);
        assertThat(fail.get("errors").get("serverErrorRate").asDouble()).isEqualTo(1.0);
        assertThat(dreams.get("errors").get("clientErrors").asLong()).as("five raw paths, one template").isEqualTo(5);
        assertThat(dreams.get("errors").get("serverErrors").asLong()).isZero();
        long routeErrors = 0;
        for (JsonNode route : signals.get("routes")) {
            if (!route.get("route").asText().contains(" /health/")) { // probes are not traffic
                routeErrors += route.get("windows").get("1m").get("errors").get("serverErrors").asLong();
            }
        }
        assertThat(signals.get("overall").get("1m").get("errors").get("serverErrors").asLong()).isEqualTo(routeErrors);
        assertThat(signals.get("saturation").get("heap").get("maxBytes").asLong()).isPositive();
        assertThat(signals.get("saturation").get("inFlight").asInt()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theSummaryGathersHealthModeBreakersGatesStartupAndSignals() {
        http.get("/test/fail");

        JsonNode summary = http.get("/api/observability/summary").json();

        assertThat(summary.get("health").get("status").asText()).isEqualTo("READY");
        assertThat(summary.get("mode").get("mode").asText()).isEqualTo("NORMAL");
        assertThat(DagJson.entry(summary, "breakers", "provider").get("state").asText()).isEqualTo("CLOSED");
        assertThat(summary.get("gates").get("status").asText()).isEqualTo("READY");
        assertThat(summary.get("startup").get("status").asText()).isEqualTo("READY");
        assertThat(summary.get("goldenSignals").get("1m").get("errors").get("serverErrors").asLong()).isPositive();
        assertThat(summary.get("watchdogs").get("watchdogs").size()).isGreaterThanOrEqualTo(5);
        assertThat(summary.get("rollouts").isArray()).isTrue();
        assertThat(summary.get("attention").toString()).contains("requests failed with 5xx");
    }

    private JsonNode route(String template) {
        return DagJson.entry(http.get("/api/observability/golden-signals").json(), "routes", template, "route");
    }
}
