package dev.dreamnet.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dreamnet.core.flags.KillSwitches;
import dev.dreamnet.core.metrics.RouteStats;
import dev.dreamnet.core.flags.Mode;
import dev.dreamnet.core.flags.FlagState;
import dev.dreamnet.runtime.DreamNet;
import dev.dreamnet.spring.autoconfigure.reactive.ReactiveApp;
import java.net.http.HttpResponse;
import java.time.Duration;
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
 * is off, leaves the actuator alone, and records each request under its route template.
 */
@SpringBootTest(classes = ReactiveApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dreamnet.database=jdbc:h2:mem:reactive_${random.uuid};DB_CLOSE_DELAY=-1", // nothing left on disk
        "spring.main.web-application-type=reactive",
        "dreamnet.flags=src/test/resources/test-flags.yaml",
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
        CompletableFuture<HttpResponse<String>> held = CompletableFuture.supplyAsync(() -> {
            try {
                return http.get("/api/held");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
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
    void aHugeWriteToTheEndpointIsCutOffByTheCodecLimitAndTheServiceGoesOn() throws Exception {
        String huge = "{\"enabled\":true,\"reason\":\"" + "x".repeat(4 * 1024 * 1024) + "\"}";

        HttpResponse<String> refused = http.post("/actuator/dreamnet/modes/brownout", huge, "admin-token");

        assertThat(refused.statusCode()).as("not read whole into memory: " + refused.body()).isIn(400, 413);
        assertThat(dreamnet.flags().snapshot().state().mode()).isEqualTo(Mode.NORMAL);
        assertThat(http.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    }

    private void change(UnaryOperator<FlagState> change) {
        dreamnet.flags().change(change, "test", "test.change", "flags", "", "WebFlux test");
    }
}
