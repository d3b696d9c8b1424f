package dev.dreamnet.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dreamnet.core.flags.KillSwitches;
import dev.dreamnet.core.metrics.RouteStats;
import dev.dreamnet.core.rollout.RolloutConfig;
import dev.dreamnet.core.rollout.RolloutStatus;
import dev.dreamnet.runtime.rollouts.RolloutService;
import dev.dreamnet.core.flags.Mode;
import dev.dreamnet.core.flags.FlagState;
import dev.dreamnet.runtime.DreamNet;
import dev.dreamnet.spring.autoconfigure.reactive.ReactiveApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The starter in a Spring WebFlux application on a random port (Netty), through a real HTTP client: the WebFilter
 * counts requests in flight until their response completes, refuses writes under WRITE_DRAIN and a route whose flag
 * is off, leaves the actuator alone, records each request under its route template, and on the side of a rollout a
 * handler routed it to.
 */
@SpringBootTest(classes = ReactiveApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dreamnet.database=jdbc:h2:mem:reactive_${random.uuid};DB_CLOSE_DELAY=-1", // nothing left on disk
        "spring.main.web-application-type=reactive",
        "dreamnet.flags=src/test/resources/test-flags.yaml",
        "dreamnet.resilience=src/test/resources/test-resilience.yaml",
        "dreamnet.web.route-flags.recommendations=/api/recommendations/**",
        "management.endpoints.web.exposure.include=health,dreamnet"})
class WebFluxStarterTest {

    @LocalServerPort
    int port;
    @Autowired
    DreamNet dreamnet;
    @Autowired
    ReactiveApp.Routes routes;
    @Autowired(required = false)
    DreamNetWebFilter filter;
    private Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
        await().atMost(Duration.ofSeconds(10)).until(() -> dreamnet.state().readiness().ready());
    }

    @AfterEach
    void normal() {
        routes.release();
        change(state -> state.withMode(Mode.NORMAL).withKillSwitches(new KillSwitches(false, false)));
    }

    @Test
    void theWebFilterIsInstalledAndRecordsEachRequestUnderItsRouteTemplate() throws Exception {
        assertThat(filter).as("the reactive filter, not the servlet one").isNotNull();
        assertThat(http.get("/api/products/7").body()).isEqualTo("lamp 7");
        assertThat(http.get("/actuator/health/readiness").statusCode()).isEqualTo(200);

        assertThat(dreamnet.requestMetrics().snapshot().routes()).extracting(RouteStats::route)
                .contains("GET /api/products/{id}").noneMatch(route -> route.contains("actuator"));
    }

    @Test
    void aRequestIsInFlightUntilItsResponseCompletes() throws Exception {
        routes.hold();
        CompletableFuture<HttpResponse<String>> held = http.getLater("/api/held");
        await().atMost(Duration.ofSeconds(10)).until(() -> dreamnet.inFlight().count() == 1);

        routes.release();

        assertThat(held.get().body()).isEqualTo("released");
        await().atMost(Duration.ofSeconds(10)).until(() -> dreamnet.inFlight().count() == 0);
    }

    @Test
    void writeDrainRefusesWritesAndBrownoutTheRouteBoundToItsFlag() throws Exception {
        assertThat(http.post("/api/orders", "{}", null).statusCode()).isEqualTo(201);
        change(state -> state.withKillSwitches(new KillSwitches(false, true)));

        HttpResponse<String> refused = http.post("/api/orders", "{}", null);

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(refused.body()).contains("\"error\":\"writes paused\"");
        assertThat(http.get("/api/products/1").statusCode()).as("reads go on").isEqualTo(200);

        assertThat(http.get("/api/recommendations").statusCode()).isEqualTo(200);
        change(state -> state.withMode(Mode.BROWNOUT));
        HttpResponse<String> shed = http.get("/api/recommendations");
        assertThat(shed.statusCode()).isEqualTo(503);
        assertThat(shed.body()).contains("feature off", "recommendations");
        for (String around : java.util.List.of("/api/recommendations;x=1", "/api/%72ecommendations")) {
            assertThat(http.get(around).statusCode()).as(around + " is the same route").isEqualTo(503);
        }
        assertThat(http.get("/actuator/dreamnet/flags").statusCode()).as("the actuator is never refused")
                .isEqualTo(200);
    }

    @Test
    void withoutAnAdminTokenConfiguredAnEndpointWriteIsRefusedBeforeItsBodyIsRead() throws Exception {
        String huge = "{\"enabled\":true,\"reason\":\"" + "x".repeat(4 * 1024 * 1024) + "\"}";

        HttpResponse<String> refused = http.post("/actuator/dreamnet/modes/brownout", huge, "admin-token");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("admin writes are disabled")
                .as("names the starter's own properties, not only the variables").contains("dreamnet.tokens.admin");
        assertThat(dreamnet.flags().snapshot().state().mode()).isEqualTo(Mode.NORMAL);
        assertThat(http.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    }

    @Test
    void aHandlerRoutesByARolloutAndTheWebFilterRecordsEachSideUntilTheFailingCanaryIsRolledBack() throws Exception {
        HttpResponse<String> none = checkout("user-0");
        assertThat(none.body()).as("no rollout of that name").contains("\"served\":\"BASELINE\"");
        assertThat(none.headers().firstValue("X-Dreamnet-Variant")).isEmpty();

        RolloutService rollouts = dreamnet.rollouts();
        rollouts.start(RolloutConfig.builder("checkout-v2").steps(List.of(50.0, 100.0)).bakeTime(Duration.ofHours(1))
                .minRequests(20).autoPromote(false).build(), "webflux-test", "v2 of the checkout");
        Map<String, String> sides = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            HttpResponse<String> answer = checkout("user-" + i);
            String side = answer.headers().firstValue("X-Dreamnet-Variant").orElseThrow();
            assertThat(answer.body()).contains("\"served\":\"" + side.toUpperCase(Locale.ROOT) + "\"");
            sides.put("user-" + i, side);
        }
        long canaries = sides.values().stream().filter("canary"::equals).count();
        assertThat(canaries).as("half the subjects, give or take").isBetween(8L, 32L);
        for (int i = 0; i < 40; i++) {
            assertThat(checkout("user-" + i).headers().firstValue("X-Dreamnet-Variant")).as("sticky")
                    .contains(sides.get("user-" + i));
        }
        String view = http.get("/actuator/dreamnet/rollouts").body();
        assertThat(view).contains("\"canary\":{\"requests\":" + 2 * canaries + ",\"errors\":0")
                .contains("\"baseline\":{\"requests\":" + 2 * (40 - canaries) + ",\"errors\":0");
        assertThat(rollouts.routes("checkout-v2")).containsExactly("GET /api/checkout/{id}");

        routes.canaryFails = true;
        try {
            await("the failing canary rolled back on what the web filter recorded").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(50)).until(() -> {
                        for (int i = 0; i < 20; i++) {
                            checkout("user-" + i);
                        }
                        return rollouts.get("checkout-v2").state().status() == RolloutStatus.ROLLED_BACK;
                    });
        } finally {
            routes.canaryFails = false;
        }
        HttpResponse<String> after = checkout(sides.entrySet().stream().filter(e -> e.getValue().equals("canary"))
                .findFirst().orElseThrow().getKey());
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.headers().firstValue("X-Dreamnet-Variant")).as("everyone on the baseline").contains("baseline");
    }

    @Test
    void anOpenBreakerThatReachesAControllerIs503WithRetryAfter() throws Exception {
        assertThat(http.get("/api/quote").body()).isEqualTo("12.50");
        dreamnet.downstreams().breaker("provider").forceOpen("WebFlux test");
        try {
            HttpResponse<String> refused = http.get("/api/quote");

            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(refused.body()).contains("\"error\":\"downstream unavailable\"", "provider");
        } finally {
            dreamnet.downstreams().breaker("provider").reset("WebFlux test over");
        }
        assertThat(http.get("/api/quote").body()).isEqualTo("12.50");
    }

    private HttpResponse<String> checkout(String user) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/checkout/" + user)).header("X-User-Id", user).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void change(UnaryOperator<FlagState> change) {
        dreamnet.flags().change(change, "test", "test.change", "flags", "", "WebFlux test");
    }
}
