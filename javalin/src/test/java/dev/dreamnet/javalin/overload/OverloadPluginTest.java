package dev.dreamnet.javalin.overload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dreamnet.config.overload.OverloadConfig;
import dev.dreamnet.core.overload.AdaptiveLimitConfig;
import dev.dreamnet.core.overload.Criticality;
import dev.dreamnet.javalin.DreamNetPlugin;
import dev.dreamnet.runtime.DreamNet;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Overload protection in an application's own Javalin app: a fixed limit of 4 (bounds pinned) shared out by class,
 * requests held inside their handlers so the test knows exactly what is in flight. Sheddable work is refused first
 * (429, over its share), critical work only when the whole limit is in use (503); probes, {@code /metrics} and the
 * operators' routes stay open; the criticality header is believed only from a caller with a token.
 */
class OverloadPluginTest {

    private static final String TOKEN = "overload-test-admin-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newHttpClient();
    private final CountDownLatch release = new CountDownLatch(1);
    private DreamNet dreamnet;
    private Javalin app;

    @BeforeEach
    void start() throws Exception {
        AdaptiveLimitConfig fixed = AdaptiveLimitConfig.builder().initialLimit(4).minLimit(4).maxLimit(4).build();
        dreamnet = DreamNet.builder().environment(Map.of("DREAMNET_ADMIN_TOKENS", TOKEN))
                .database("jdbc:h2:mem:overload_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .overload(OverloadConfig.builder().limit(fixed)
                        .route("GET /api/critical", Criticality.CRITICAL)
                        .route("GET /api/sheddable", Criticality.SHEDDABLE)
                        .brownout(OverloadConfig.AutoBrownout.off()).build())
                .build();
        app = Javalin.create(config -> {
            config.registerPlugin(new DreamNetPlugin(dreamnet, plugin -> plugin.prefix = "/ops"));
            for (String route : List.of("/api/critical", "/api/default", "/api/sheddable")) {
                config.routes.get(route, ctx -> {
                    release.await(20, TimeUnit.SECONDS);
                    ctx.result("done");
                });
            }
            config.routes.get("/api/admin/held", ctx -> ctx.result("operators get in"));
        }).start("127.0.0.1", 0);
        dreamnet.start();
        dreamnet.started().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() {
        release.countDown();
        if (dreamnet != null) {
            dreamnet.shutdown();
        }
        if (app != null) {
            app.stop();
        }
    }

    @Test
    void sheddableWorkIsRefusedFirstAndCriticalWorkOnlyWhenTheWholeLimitIsInUse() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
        held.add(send("/api/sheddable", null, null));
        held.add(send("/api/sheddable", null, null));
        awaitInFlight(2);

        HttpResponse<String> shed = get("/api/sheddable", null, null);
        assertThat(shed.statusCode()).as("a third sheddable request is over the 50%% share of 4").isEqualTo(429);
        assertThat(shed.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(JSON.readTree(shed.body()).get("error").asText()).isEqualTo("shed");

        held.add(send("/api/default", null, null));
        awaitInFlight(3);
        assertThat(get("/api/default", null, null).statusCode()).as("default may fill 90%% of 4: 3").isEqualTo(429);

        held.add(send("/api/critical", null, null));
        awaitInFlight(4);
        HttpResponse<String> full = get("/api/critical", null, null);
        assertThat(full.statusCode()).as("critical work is refused only once all 4 places are taken").isEqualTo(503);
        assertThat(JSON.readTree(full.body()).get("error").asText()).isEqualTo("overloaded");

        assertThat(get("/ops/health/live", null, null).statusCode()).isEqualTo(200);
        assertThat(get("/ops/health/ready", null, null).statusCode()).isEqualTo(200);
        assertThat(get("/api/admin/held", null, null).statusCode()).as("the application's operator routes")
                .isEqualTo(200);
        String metrics = get("/ops/metrics", null, null).body();
        assertThat(metrics).contains("dreamnet_overload_limit 4.0")
                .contains("dreamnet_overload_refused_requests_total{class=\"SHEDDABLE\",reason=\"share\"} 1.0")
                .contains("dreamnet_overload_refused_requests_total{class=\"CRITICAL\",reason=\"limit\"} 1.0");

        JsonNode view = overload();
        assertThat(view.get("limit").asInt()).isEqualTo(4);
        assertThat(view.get("inflight").asInt()).isEqualTo(4);
        assertThat(view.get("allowed").get("SHEDDABLE").asInt()).isEqualTo(2);
        assertThat(view.get("refused").get("DEFAULT").get("share").asLong()).isEqualTo(1);
        assertThat(view.get("routes").get("GET /api/sheddable").asText()).isEqualTo("SHEDDABLE");

        release.countDown();
        for (CompletableFuture<HttpResponse<String>> each : held) {
            assertThat(each.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        awaitInFlight(0);
        assertThat(overload().get("admitted").asLong()).isEqualTo(4);
    }

    @Test
    void theCriticalityHeaderMayLowerAClassForAnyoneButRaiseItOnlyWithAToken() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
        held.add(send("/api/default", null, null));
        held.add(send("/api/default", null, null));
        awaitInFlight(2);

        assertThat(get("/api/default", "sheddable", null).statusCode()).as("lowered to sheddable by the caller")
                .isEqualTo(429);
        assertThat(get("/api/sheddable", "critical", null).statusCode()).as("raised without a token: ignored")
                .isEqualTo(429);
        held.add(send("/api/sheddable", "critical", TOKEN));
        awaitInFlight(3);
        assertThat(overload().get("refused").get("SHEDDABLE").get("share").asLong()).isEqualTo(2);

        release.countDown();
        for (CompletableFuture<HttpResponse<String>> each : held) {
            assertThat(each.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void pinningTheModeNeedsTheAdminTokenAndIsAudited() throws Exception {
        HttpRequest anonymous = HttpRequest.newBuilder(url("/ops/api/admin/overload/pin"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"incident 42\"}")).build();
        assertThat(client.send(anonymous, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);

        HttpRequest pin = HttpRequest.newBuilder(url("/ops/api/admin/overload/pin"))
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"incident 42\"}")).build();
        HttpResponse<String> pinned = client.send(pin, HttpResponse.BodyHandlers.ofString());
        assertThat(pinned.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(pinned.body()).get("automaticBrownout").get("pinnedReason").asText())
                .isEqualTo("incident 42");
        assertThat(get("/ops/api/observability/audit", null, null).body()).contains("overload.pin")
                .contains("incident 42");
        assertThat(get("/ops/api/observability/summary", null, null).body())
                .contains("automatic brownout is pinned (the mode is the operators') by");
    }

    @Test
    void eachDownstreamsOutboundGuardsAreShownAndExported(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path resilience = java.nio.file.Files.writeString(dir.resolve("resilience.yaml"), """
                services:
                  pricing:
                    bulkhead: {maxConcurrent: 7}
                    throttle: {k: 2.0, window: 1m}
                  search: {}
                """);
        DreamNet other = DreamNet.builder().environment(Map.of()).resilience(resilience)
                .database("jdbc:h2:mem:outbound_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1").build();
        Javalin second = Javalin.create(config -> config.registerPlugin(new DreamNetPlugin(other))).start("127.0.0.1", 0);
        try {
            other.start();
            other.started().get(10, TimeUnit.SECONDS);
            assertThat(other.downstreams().call("pricing", () -> "42")).isEqualTo("42");
            String base = "http://127.0.0.1:" + second.port();

            JsonNode pricing = JSON.readTree(client.send(HttpRequest.newBuilder(URI.create(base
                    + "/api/observability/overload")).build(), HttpResponse.BodyHandlers.ofString()).body())
                    .get("outbound");
            assertThat(pricing.has("search")).as("a downstream without a guard is left out").isFalse();
            assertThat(pricing.get("pricing").get("bulkhead").get("maxConcurrent").asInt()).isEqualTo(7);
            assertThat(pricing.get("pricing").get("throttle").get("accepts").asLong()).isEqualTo(1);
            String metrics = client.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).contains("dreamnet_outbound_bulkhead_max_concurrent{service=\"pricing\"} 7.0")
                    .contains("dreamnet_outbound_throttle_probability{service=\"pricing\"} 0.0")
                    .doesNotContain("dreamnet_overload_limit");
        } finally {
            other.shutdown();
            second.stop();
        }
    }

    private void awaitInFlight(int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> overload().get("inflight").asInt() == count);
    }

    private JsonNode overload() throws Exception {
        return JSON.readTree(get("/ops/api/observability/overload", null, null).body());
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + app.port() + path);
    }

    private HttpRequest request(String path, String criticality, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(20));
        if (criticality != null) {
            builder.header("X-DreamNet-Criticality", criticality);
        }
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder.GET().build();
    }

    private HttpResponse<String> get(String path, String criticality, String token) throws Exception {
        return client.send(request(path, criticality, token), HttpResponse.BodyHandlers.ofString());
    }

    private CompletableFuture<HttpResponse<String>> send(String path, String criticality, String token) {
        return client.sendAsync(request(path, criticality, token), HttpResponse.BodyHandlers.ofString());
    }
}
