package dev.dreamnet.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dreamnet.core.breaker.CircuitBreaker;
import dev.dreamnet.core.rollout.Rollout;
import dev.dreamnet.core.rollout.RolloutConfig;
import dev.dreamnet.core.rollout.RolloutStatus;
import dev.dreamnet.runtime.DreamNet;
import dev.dreamnet.runtime.audit.AuditEntry;
import dev.dreamnet.runtime.resilience.Downstreams;
import dev.dreamnet.runtime.rollouts.RolloutService;
import dev.dreamnet.spring.autoconfigure.app.TestApp;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The starter in a running application on a random port, through a real HTTP client: readiness waits for the gates,
 * a hung gate does not slow the health endpoint, operators change modes through the actuator with tokens, a reloaded
 * resilience file changes a breaker, {@code @DreamNetCall} opens the breaker on a failing downstream, meters reach
 * the application's registry. One application for every test, in order (the first waits for a gate to open).
 */
@SpringBootTest(classes = TestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dreamnet.flags=src/test/resources/test-flags.yaml",
        "dreamnet.slos=src/test/resources/test-slos.yaml",
        "dreamnet.tokens.admin=admin-secret",
        "dreamnet.tokens.read=read-secret",
        "dreamnet.gates.startup-interval=50ms",
        "dreamnet.gates.interval=100ms",
        "dreamnet.shutdown-grace=2s",
        "dreamnet.web.route-flags.recommendations=/api/recommendations/**",
        "management.endpoints.web.exposure.include=health,dreamnet,metrics",
        "management.endpoint.health.show-details=always"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DreamNetStarterTest {

    private static final Path RESILIENCE = resilienceFile();

    @LocalServerPort
    int port;
    @Autowired
    TestApp.PaymentsCheck payments;
    @Autowired
    TestApp.ProviderCheck providerCheck;
    @Autowired
    TestApp.ProviderClient provider;
    @Autowired
    TestApp.Events events;
    @Autowired
    Downstreams downstreams;
    @Autowired
    MeterRegistry meters;
    @Autowired
    ApplicationContext context;
    @Autowired
    TestApp.Routes routes;
    private Http http;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("dreamnet.resilience", RESILIENCE::toString);
        registry.add("dreamnet.database", () -> "jdbc:h2:mem:starter_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    }

    private static Path resilienceFile() {
        try {
            Path file = Files.createTempDirectory("dreamnet-starter").resolve("resilience.yaml");
            Files.writeString(file, resilience(5));
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resilience(int consecutiveFailures) {
        return "services:\n"
                + "  provider:\n    breaker:\n      consecutiveFailures: " + consecutiveFailures
                + "\n      resetTimeout: 1h\n    retry:\n      maxAttempts: 1\n"
                + "  warehouse:\n    retry:\n      maxAttempts: 1\n";
    }

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    @Order(1)
    void readinessRefusesTrafficUntilTheGatesPass() throws Exception {
        assertThat(events.all).as("the graph ran the components in order").containsSubsequence("warehouse started",
                "catalog started");
        HttpResponse<String> readiness = http.get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(readiness.body()).contains("\"readinessState\":{\"status\":\"OUT_OF_SERVICE\"}")
                .contains("payments not reachable yet");
        HttpResponse<String> refused = http.get("/api/products");
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(refused.body()).contains("not ready", "payments");
        assertThat(http.get("/actuator/health/liveness").statusCode()).isEqualTo(200);

        payments.open();

        await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/actuator/health/readiness").statusCode() == 200);
        assertThat(http.get("/actuator/health/readiness").body()).contains("\"readinessState\":{\"status\":\"UP\"}");
        HttpResponse<String> products = http.get("/api/products");
        assertThat(products.statusCode()).isEqualTo(200);
        assertThat(products.body()).contains("lamp");
        assertThat(http.get("/actuator/health").body()).contains("\"payments\"", "\"UP\"");
    }

    @Test
    @Order(2)
    void aHungGateNeverMakesTheHealthEndpointWait() throws Exception {
        providerCheck.hang();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/actuator/health").body()
                    .contains("\"DEGRADED\""));
            List<Long> micros = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                long start = System.nanoTime();
                HttpResponse<String> health = http.get("/actuator/health");
                micros.add((System.nanoTime() - start) / 1000);
                assertThat(health.statusCode()).as("a non-critical gate keeps the service up").isEqualTo(200);
                assertThat(health.body()).contains("provider-check").contains("DEGRADED");
            }
            Collections.sort(micros);
            System.out.printf("/actuator/health while provider-check hangs: p50 %.2f ms, p99 %.2f ms, max %.2f ms "
                            + "(500 sequential requests)%n", micros.get(250) / 1000.0, micros.get(495) / 1000.0,
                    micros.get(499) / 1000.0);
            assertThat(http.get("/api/products").statusCode()).isEqualTo(200);
        } finally {
            providerCheck.release();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> !http.get("/actuator/health").body().contains("DEGRADED"));
    }

    @Test
    @Order(3)
    void brownoutThroughTheActuatorNeedsTheAdminToken() throws Exception {
        String enable = "{\"enabled\": true, \"reason\": \"load test\"}";
        assertThat(http.post("/actuator/dreamnet/modes/brownout", enable, null).statusCode()).isEqualTo(401);
        assertThat(http.post("/actuator/dreamnet/modes/brownout", enable, "wrong").statusCode()).isEqualTo(401);
        assertThat(http.post("/actuator/dreamnet/modes/brownout", enable, "read-secret").statusCode()).isEqualTo(403);
        assertThat(http.get("/api/recommendations").statusCode()).isEqualTo(200);

        HttpResponse<String> changed = http.post("/actuator/dreamnet/modes/brownout", enable, "admin-secret");

        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).contains("\"mode\":\"BROWNOUT\"");
        HttpResponse<String> shed = http.get("/api/recommendations");
        assertThat(shed.statusCode()).isEqualTo(503);
        assertThat(shed.body()).contains("feature off", "recommendations");
        assertThat(http.get("/api/products").statusCode()).isEqualTo(200);
        assertThat(meters.get("dreamnet.mode").tag("mode", "BROWNOUT").gauge().value()).isEqualTo(1.0);

        assertThat(http.post("/actuator/dreamnet/modes/brownout", "{\"enabled\": false, \"reason\": \"done\"}",
                "admin-secret").statusCode()).isEqualTo(200);
        assertThat(http.get("/api/recommendations").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void aQueryParameterCannotRetargetAWriteNorReplaceItsBody() throws Exception {
        // Bug: POST .../modes/brownout?name=emergency set EMERGENCY, and ?enabled=false&reason=x beat the body.
        String enable = "{\"enabled\": true, \"reason\": \"query test\"}";
        String modeBefore = http.get("/actuator/dreamnet/flags", "read-secret").body();

        HttpResponse<String> retargeted = http.post("/actuator/dreamnet/modes/brownout?name=emergency", enable,
                "admin-secret");
        HttpResponse<String> replaced = http.post("/actuator/dreamnet/modes/emergency?enabled=false&reason=x", enable,
                "admin-secret");
        HttpResponse<String> encoded = http.post("/actuator/dreamnet/breakers/provider?%61ction=force-open",
                "{\"action\": \"reset\"}", "admin-secret");

        assertThat(List.of(retargeted, replaced, encoded)).allSatisfy(refused -> {
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("unknown query parameter", "its fields go in the JSON body");
        });
        assertThat(encoded.body()).contains("\\\"action\\\"");
        assertThat(http.get("/actuator/dreamnet/flags", "read-secret").body()).isEqualTo(modeBefore);
        assertThat(http.post("/actuator/dreamnet/modes/brownout?name=emergency", enable, null).statusCode())
                .as("the token is checked first").isEqualTo(401);
        assertThat(http.get("/actuator/dreamnet/audit?part=breakers", "read-secret").statusCode()).isEqualTo(400);
        assertThat(http.get("/actuator/dreamnet/audit?limit=3", "read-secret").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(4)
    void writeDrainRefusesWritesAndKeepsReads() throws Exception {
        assertThat(http.post("/actuator/dreamnet/kill-switches/write-drain", "{\"enabled\": true}", "admin-secret")
                .statusCode()).isEqualTo(200);
        try {
            HttpResponse<String> write = http.post("/api/orders", "{}", null);
            assertThat(write.statusCode()).isEqualTo(503);
            assertThat(write.body()).contains("WRITE_DRAIN");
            assertThat(http.get("/api/products").statusCode()).isEqualTo(200);
        } finally {
            http.post("/actuator/dreamnet/kill-switches/write-drain", "{\"enabled\": false}", "admin-secret");
        }
        assertThat(http.post("/api/orders", "{}", null).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(5)
    void theBreakerOpensOnAFailingDownstreamCalledThroughTheAnnotation() throws Exception {
        assertThat(http.get("/api/quote").body()).isEqualTo("42");
        provider.failing(true);
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> failed = http.get("/api/quote");
            assertThat(failed.statusCode()).isEqualTo(503);
            assertThat(failed.body()).contains("downstream failed");
        }
        int calls = provider.calls();

        HttpResponse<String> refused = http.get("/api/quote");

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.body()).contains("downstream unavailable");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(provider.calls()).as("an open breaker does not call the method").isEqualTo(calls);
        assertThat(downstreams.breaker("provider").state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(http.get("/actuator/dreamnet/breakers").statusCode()).as("reads need the read token")
                .isEqualTo(401);
        assertThat(meters.get("dreamnet.circuit.breaker.state").tag("name", "provider").tag("state", "OPEN").gauge()
                .value()).isEqualTo(1.0);

        provider.failing(false);
        HttpResponse<String> reset = http.post("/actuator/dreamnet/breakers/provider", "{\"action\": \"reset\"}",
                "admin-secret");
        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(http.get("/api/quote").body()).isEqualTo("42");
        assertThat(http.get("/api/stock").body()).as("downstreams.call as a bean").isEqualTo("7");
    }

    @Test
    @Order(6)
    void aReloadedResilienceFileChangesTheBreakerWithoutARestart() throws Exception {
        assertThat(downstreams.breaker("provider").config().consecutiveFailures()).isEqualTo(5);

        Files.writeString(RESILIENCE, resilience(2));

        await().atMost(Duration.ofSeconds(10)).until(
                () -> downstreams.breaker("provider").config().consecutiveFailures() == 2);
        provider.failing(true);
        for (int i = 0; i < 2; i++) {
            assertThat(http.get("/api/quote").body()).contains("downstream failed");
        }
        assertThat(http.get("/api/quote").body()).as("open after two failures now").contains("downstream unavailable");
        provider.failing(false);
    }

    @Test
    @Order(7)
    void requestsAndGatesReachTheApplicationsMeterRegistry() throws Exception {
        http.get("/api/products");
        await().atMost(Duration.ofSeconds(10)).until(() -> meters.find("dreamnet.http.server.requests")
                .tag("route", "/api/products").functionTimer() != null
                && meters.find("dreamnet.health.gate.ready").tag("gate", "payments").gauge() != null);
        assertThat(meters.get("dreamnet.health.gate.ready").tag("gate", "payments").gauge().value()).isEqualTo(1.0);
        HttpResponse<String> summary = http.get("/actuator/metrics/dreamnet.http.server.requests.in.flight");
        assertThat(summary.statusCode()).isEqualTo(200);
        HttpResponse<String> dreamnet = new Http(port).get("/actuator/dreamnet");
        assertThat(dreamnet.statusCode()).as("the summary needs the read token").isEqualTo(401);
    }

    @Test
    @Order(8)
    void actuatorsSecondJackson2MapperIsNotBuiltAndTheEndpointsStillAnswerJson() throws Exception {
        assertThat(context.containsBean("jackson2EndpointJsonMapper"))
                .as("the runtime's Jackson 2 on the class path no longer makes Boot build a mapper for it").isFalse();
        assertThat(context.containsBean(DreamNetImportFilter.JACKSON2_ENDPOINTS))
                .as("nor keep the configuration class that would build it").isFalse();
        HttpResponse<String> health = http.get("/actuator/health");
        assertThat(health.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).contains("json"));
        assertThat(health.body()).startsWith("{").contains("\"status\":\"UP\"");
    }

    @Test
    @Order(9)
    void anEndpointWriteIsRefusedBeforeItsBodyIsReadAndItsBodyIsLimited() throws Exception {
        String big = "{\"enabled\": true, \"reason\": \"" + "x".repeat(1_000_000) + "\"}";
        HttpResponse<String> anonymous = http.post("/actuator/dreamnet/modes/brownout", big, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).contains("not authenticated");
        assertThat(http.post("/actuator/dreamnet/modes/brownout", "{\"enabled\": \"maybe\"}", null).statusCode())
                .as("a bad body without a token is refused for the token, not parsed").isEqualTo(401);
        assertThat(http.post("/actuator/%64reamnet/modes/brownout", big, "read-secret").statusCode())
                .as("a percent-encoded path is the same endpoint").isEqualTo(403);

        HttpResponse<String> tooLarge = http.post("/actuator/dreamnet/modes/brownout", big, "admin-secret");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("body too large", String.valueOf(EndpointRules.MAX_BODY));

        HttpResponse<String> unsized = unsizedClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/dreamnet/modes/brownout"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer admin-secret")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() ->
                        new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unsized.statusCode()).as("a body sent without its length is held to the limit").isEqualTo(413);
        assertThat(unsized.body()).contains("body too large", "this one is longer");
        assertThat(http.get("/actuator/dreamnet/flags", "read-secret").body()).contains("\"mode\":\"NORMAL\"");
    }

    @Test
    @Order(9)
    void aBodyThatIsNotOneJsonObjectOfTheOperationsFieldsIsRefusedSayingWhatIsWrong() throws Exception {
        Map<String, List<String>> refusals = new HashMap<>(Map.of(
                "{\"enabled\": \"true\", \"reason\": \"INC-3\"}", List.of("enabled: must be true or false", "not a string"),
                "{\"enabled\": true, \"reason\": 5}", List.of("reason: must be a string, not a number"),
                "{\"enabled\": true, \"enabled\": false, \"reason\": \"INC-3\"}", List.of("Duplicate field 'enabled'"),
                " \n ", List.of("the body is blank")));
        refusals.putAll(Map.of(
                "{\"enabled\": true,\n \"reason\": \"INC-3\"", List.of("not valid JSON", "line 2"),
                "[true, \"INC-3\"]", List.of("must be a JSON object", "not an array"),
                "\"brownout please\"", List.of("must be a JSON object", "not a string"),
                "{\"enabled\": true, \"reason\": \"INC-3\"} {\"enabled\": false}", List.of("more follows it", "column"),
                "enabled=true&reason=INC-3", List.of("not valid JSON", "line 1, column"),
                "{\"enabled\": true, \"reason\": \"INC-3\", \"ttl\": \"5m\"}",
                List.of("unknown field \\\"ttl\\\" (known: enabled, reason)"),
                "{\"enabled\": true, \"action\": \"reset\", \"reason\": \"INC-3\"}", List.of("unknown field \\\"action\\\""),
                "{\"enabled\": true, \"reason\": {\"ticket\": \"INC-3\"}}",
                List.of("field \\\"reason\\\" must be a single value, not an object"),
                "{\"enabled\": [true], \"reason\": \"INC-3\"}", List.of("field \\\"enabled\\\"", "not an array")));
        for (Map.Entry<String, List<String>> refusal : refusals.entrySet()) {
            HttpResponse<String> answer = http.post("/actuator/dreamnet/modes/brownout", refusal.getKey(),
                    "admin-secret");
            assertThat(answer.statusCode()).as(refusal.getKey()).isEqualTo(400);
            assertThat(answer.body()).as(refusal.getKey()).startsWith("{\"error\":\"bad request\"")
                    .contains(refusal.getValue());
        }
        HttpResponse<String> breaker = http.post("/actuator/dreamnet/breakers/provider",
                "{\"action\": \"force-open\", \"enabled\": true}", "admin-secret");
        assertThat(breaker.statusCode()).isEqualTo(400);
        assertThat(breaker.body()).contains("unknown field \\\"enabled\\\" (known: action, reason)");
        assertThat(http.get("/actuator/dreamnet/flags", "read-secret").body()).as("nothing was changed")
                .contains("\"mode\":\"NORMAL\"");
        assertThat(http.get("/actuator/dreamnet/breakers", "read-secret").body()).doesNotContain("FORCED_OPEN");
    }

    @Test
    @Order(10)
    void aReasonMustBeOneLineOfAtMostAThousandCharacters() throws Exception {
        HttpResponse<String> forged = http.post("/actuator/dreamnet/modes/brownout",
                "{\"enabled\": true, \"reason\": \"INC-1\\nforged audit line \\u001b[31m\"}", "admin-secret");
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).contains("reason", "without control", "U+000A");
        HttpResponse<String> tooLong = http.post("/actuator/dreamnet/kill-switches/safe-mode",
                "{\"enabled\": true, \"reason\": \"" + "r".repeat(1001) + "\"}", "admin-secret");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("reason must be at most 1000 characters", "was 1001");
        assertThat(http.get("/actuator/dreamnet/flags", "read-secret").body()).contains("\"mode\":\"NORMAL\"")
                .contains("\"safeMode\":false");
    }

    @Test
    @Order(11)
    void aRouteFlagCannotBeSteppedAroundWithPathParametersOrPercentEncoding() throws Exception {
        String enable = "{\"enabled\": true, \"reason\": \"INC-2: shed\"}";
        assertThat(http.post("/actuator/dreamnet/modes/brownout", enable, "admin-secret").statusCode()).isEqualTo(200);
        try {
            for (String path : List.of("/api/recommendations", "/api/recommendations;x=1", "/api/%72ecommendations",
                    "//api//recommendations")) {
                HttpResponse<String> shed = http.get(path);
                assertThat(shed.statusCode()).as(path).isEqualTo(503);
                assertThat(shed.body()).as(path).contains("feature off");
            }
        } finally {
            assertThat(http.post("/actuator/dreamnet/modes/brownout", "{\"enabled\": false, \"reason\": \"done\"}",
                    "admin-secret").statusCode()).isEqualTo(200);
        }
        assertThat(http.get("/api/recommendations;x=1").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(12)
    void aBodyValueThatIsNeitherOfItsChoicesIsABadRequestNamingTheField() throws Exception {
        for (String enabled : List.of("\"yes\"", "\"off\"", "1", "\"maybe\"")) {
            HttpResponse<String> refused = http.post("/actuator/dreamnet/kill-switches/safe-mode",
                    "{\"enabled\": " + enabled + ", \"reason\": \"INC-6\"}", "admin-secret");
            assertThat(refused.statusCode()).as(enabled).isEqualTo(400);
            assertThat(refused.body()).as(enabled).contains("enabled", "must be true or false");
        }
        HttpResponse<String> action = http.post("/actuator/dreamnet/breakers/provider", "{\"action\": \"explode\"}",
                "admin-secret");
        assertThat(action.statusCode()).isEqualTo(400);
        assertThat(action.body()).contains("action must be one of force-open, force-closed, reset, was \\\"explode\\\"");
        assertThat(http.get("/actuator/dreamnet/flags", "read-secret").body()).contains("\"safeMode\":false");
    }

    @Test
    @Order(13)
    void deletingAnOverrideThatIsNotSetIs404NamingTheFlagAndLeavesNoAuditEntry() throws Exception {
        // The bug: it answered 200 and audited a "flag.clear-override" of nothing.
        List<AuditEntry> before = audit();

        HttpResponse<String> refused = http.delete("/actuator/dreamnet/overrides/recommendations", "admin-secret");

        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.body()).contains("\"error\":\"not found\"",
                "no override is set for flag \\\"recommendations\\\"");
        assertThat(audit()).isEqualTo(before);

        assertThat(http.post("/actuator/dreamnet/overrides/recommendations", "{\"enabled\": false}", "admin-secret")
                .statusCode()).isEqualTo(200);
        HttpResponse<String> cleared = http.delete("/actuator/dreamnet/overrides/recommendations", "admin-secret");
        assertThat(cleared.statusCode()).as(cleared.body()).isEqualTo(200);
        assertThat(cleared.body()).contains("\"overrides\":{}");
        assertThat(audit().get(0).action()).isEqualTo("flag.clear-override");
        assertThat(audit().get(0).reason()).isEqualTo("override cleared by operator");
        assertThat(audit()).hasSize(before.size() + 2);

        assertThat(http.post("/actuator/dreamnet/overrides/recommendations", "{\"enabled\": false}", "admin-secret")
                .statusCode()).isEqualTo(200);
        HttpResponse<String> badReason = http.delete("/actuator/dreamnet/overrides/recommendations?reason=a%0Ab",
                "admin-secret");
        assertThat(badReason.statusCode()).as("a reason of two lines").isEqualTo(400);
        assertThat(http.delete("/actuator/dreamnet/overrides/recommendations?reason=INC-5%20fixed", "admin-secret")
                .statusCode()).isEqualTo(200);
        assertThat(audit().get(0).reason()).as("the reason given in the query").isEqualTo("INC-5 fixed");

        String newest = http.get("/actuator/dreamnet/audit?limit=2", "read-secret").body();
        assertThat(newest).contains("\"count\":2", "\"action\":\"flag.clear-override\"", "\"reason\":\"INC-5 fixed\"");
        for (String limit : List.of("0", "1001", "abc", "%2B5", "5.0")) {
            HttpResponse<String> badLimit = http.get("/actuator/dreamnet/audit?limit=" + limit, "read-secret");
            assertThat(badLimit.statusCode()).as(limit).isEqualTo(400);
            assertThat(badLimit.body()).as(limit).contains("limit must be a whole number from 1 to 1000");
        }
        assertThat(http.get("/actuator/dreamnet/audit", null).statusCode()).as("a read token").isEqualTo(401);
    }

    @Test
    @Order(14)
    void anOperatorPinsTheModeAgainstAutomaticBrownoutThroughTheEndpointAndUnpinsIt() throws Exception {
        assertThat(http.post("/actuator/dreamnet/overload/pin", "{\"reason\": \"INC-12\"}", "read-secret")
                .statusCode()).as("a read token").isEqualTo(403);
        HttpResponse<String> unknown = http.post("/actuator/dreamnet/overload/hold", "{}", "admin-secret");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("no overload action \\\"hold\\\" (known: pin, unpin)");

        HttpResponse<String> pinned = http.post("/actuator/dreamnet/overload/pin",
                "{\"reason\": \"INC-12: operators hold the mode\"}", "admin-secret");
        assertThat(pinned.statusCode()).as(pinned.body()).isEqualTo(200);
        assertThat(pinned.body()).contains("\"pinnedReason\":\"INC-12: operators hold the mode\"");
        assertThat(http.get("/actuator/dreamnet/overload", "read-secret").body())
                .contains("\"pinnedReason\":\"INC-12: operators hold the mode\"");
        assertThat(audit().get(0).action()).isEqualTo("overload.pin");

        // Bug: with no body and no content type (curl -X POST), Spring MVC answered a bare 415.
        HttpResponse<String> unpinned = http.postNothing("/actuator/dreamnet/overload/unpin", "admin-secret");
        assertThat(unpinned.statusCode()).as(unpinned.body()).isEqualTo(200);
        assertThat(unpinned.body()).contains("\"pinnedBy\":null");
        assertThat(audit().get(0).action()).isEqualTo("overload.unpin");
        assertThat(audit().get(0).reason()).isEqualTo("automatic brownout allowed again");
    }

    @Test
    @Order(15)
    void aHandlerRoutesByARolloutAndTheFilterRecordsEachSideUntilTheFailingCanaryIsRolledBack() throws Exception {
        HttpClient client = unsizedClient();
        HttpResponse<String> none = checkout(client, "user-0");
        assertThat(none.body()).as("no rollout of that name").contains("\"served\":\"BASELINE\"");
        assertThat(none.headers().firstValue("X-Dreamnet-Variant")).isEmpty();

        RolloutService rollouts = context.getBean(RolloutService.class);
        rollouts.start(RolloutConfig.builder("checkout-v2").steps(List.of(50.0, 100.0)).bakeTime(Duration.ofHours(1))
                .minRequests(20).autoPromote(false).build(), "starter-test", "v2 of the checkout");
        Map<String, String> sides = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            HttpResponse<String> answer = checkout(client, "user-" + i);
            String side = answer.headers().firstValue("X-Dreamnet-Variant").orElseThrow();
            assertThat(answer.body()).contains("\"served\":\"" + side.toUpperCase(java.util.Locale.ROOT) + "\"");
            sides.put("user-" + i, side);
        }
        long canaries = sides.values().stream().filter("canary"::equals).count();
        assertThat(canaries).as("half the subjects, give or take").isBetween(8L, 32L);
        for (int i = 0; i < 10; i++) {
            assertThat(checkout(client, "user-" + i).headers().firstValue("X-Dreamnet-Variant"))
                    .as("sticky").contains(sides.get("user-" + i));
        }
        long canaryAfterSticky = canaries + sides.entrySet().stream()
                .filter(e -> Integer.parseInt(e.getKey().substring(5)) < 10 && e.getValue().equals("canary")).count();
        String view = http.get("/actuator/dreamnet/rollouts", "read-secret").body();
        assertThat(view).contains("\"canary\":{\"requests\":" + canaryAfterSticky + ",\"errors\":0")
                .contains("\"baseline\":{\"requests\":" + (50 - canaryAfterSticky) + ",\"errors\":0");
        assertThat(rollouts.routes("checkout-v2")).containsExactly("GET /api/checkout/{id}");

        routes.canaryFails = true;
        try {
            await("the failing canary rolled back on what the filter recorded").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(50)).until(() -> {
                        for (int i = 0; i < 20; i++) {
                            checkout(client, "user-" + i);
                        }
                        return rollouts.get("checkout-v2").state().status() == RolloutStatus.ROLLED_BACK;
                    });
        } finally {
            routes.canaryFails = false;
        }
        // The judge audits the rollback right after taking it: the entry may follow the status by a moment.
        await("the automatic rollback audited").atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(audit()).anySatisfy(entry -> {
                    assertThat(entry.action()).isEqualTo("rollout.rollback");
                    assertThat(entry.actor()).isEqualTo("dreamnet (automatic)");
                }));
        HttpResponse<String> after = checkout(client, sides.entrySet().stream()
                .filter(e -> e.getValue().equals("canary")).findFirst().orElseThrow().getKey());
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.headers().firstValue("X-Dreamnet-Variant")).as("everyone on the baseline").contains("baseline");
    }

    @Test
    @Order(16)
    void anOperatorStartsARolloutThroughTheEndpointAndEveryWrongFieldIsNamed() throws Exception {
        String good = "{\"name\": \"search-v2\", \"steps\": \"10, 50,100\", \"bakeTime\": \"10m\", "
                + "\"minRequests\": 50, \"autoPromote\": false, \"reason\": \"INC-9 the new search\"}";
        assertThat(http.post("/actuator/dreamnet/rollouts", good, null).statusCode()).isEqualTo(401);
        assertThat(http.post("/actuator/dreamnet/rollouts", good, "read-secret").statusCode()).isEqualTo(403);
        Map<String, String> refusals = Map.of(
                "{\"name\": \"search-v2\", \"steps\": [10, 50], \"reason\": \"r\"}",
                "field \\\"steps\\\" must be a single value, not an array",
                "{\"name\": \"search-v2\", \"steps\": \"10,half\", \"reason\": \"r\"}",
                "steps: must be percentages separated by commas such as \\\"1,10,50,100\\\", was \\\"10,half\\\"",
                "{\"name\": \"search-v2\", \"minRequests\": 1.5, \"reason\": \"r\"}",
                "minRequests: must be a whole number",
                "{\"name\": \"search-v2\", \"bakeTime\": \"soon\", \"reason\": \"r\"}", "bakeTime: must be a duration",
                "{\"name\": \"search-v2\", \"autoPromote\": \"yes\", \"reason\": \"r\"}",
                "autoPromote: must be true or false",
                "{\"steps\": \"10\", \"reason\": \"r\"}", "name: required",
                "{\"name\": \"search-v2\", \"colour\": \"red\", \"reason\": \"r\"}",
                "unknown field \\\"colour\\\" (known: autoPromote, autoRollback, bakeTime",
                "{\"name\": \"search-v2\", \"steps\": \"10,100\"}", "reason: required",
                "{\"name\": \"search-v2\", \"steps\": \"50,10\", \"reason\": \"r\"}", "steps");
        for (Map.Entry<String, String> refusal : refusals.entrySet()) {
            HttpResponse<String> answer = http.post("/actuator/dreamnet/rollouts", refusal.getKey(), "admin-secret");
            assertThat(answer.statusCode()).as(refusal.getKey()).isEqualTo(400);
            assertThat(answer.body()).as(refusal.getKey()).startsWith("{\"error\":\"bad request\"")
                    .contains(refusal.getValue());
        }
        RolloutService rollouts = context.getBean(RolloutService.class);
        assertThat(rollouts.find("search-v2")).as("no refused body started anything").isEmpty();

        HttpResponse<String> started = http.post("/actuator/dreamnet/rollouts", good, "admin-secret");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        assertThat(started.body()).contains("\"name\":\"search-v2\"");
        Rollout rollout = rollouts.get("search-v2");
        assertThat(rollout.config().steps()).containsExactly(10.0, 50.0, 100.0);
        assertThat(rollout.config().bakeTime()).isEqualTo(Duration.ofMinutes(10));
        assertThat(rollout.config().minRequests()).isEqualTo(50);
        assertThat(rollout.config().autoPromote()).isFalse();
        assertThat(rollout.state().status()).isEqualTo(RolloutStatus.RUNNING);
        assertThat(audit()).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("rollout.start");
            assertThat(entry.target()).isEqualTo("search-v2");
            assertThat(entry.reason()).isEqualTo("INC-9 the new search");
        });

        HttpResponse<String> again = http.post("/actuator/dreamnet/rollouts", good, "admin-secret");
        assertThat(again.statusCode()).as("one of that name is running").isEqualTo(409);
        assertThat(http.post("/actuator/dreamnet/rollouts/search-v2",
                "{\"action\": \"rollback\", \"reason\": \"test done\"}", "admin-secret").statusCode()).isEqualTo(200);
        assertThat(rollouts.get("search-v2").state().status()).isEqualTo(RolloutStatus.ROLLED_BACK);
    }

    @Test
    @Order(17)
    void theObjectivesOfTheSlosFileCountTheRequestsTheFilterRecords() throws Exception {
        long before = good(http.get("/actuator/dreamnet/slos", "read-secret").body());
        for (int i = 0; i < 12; i++) {
            assertThat(http.get("/api/products", null).statusCode()).isEqualTo(200);
        }
        await("the SLO's next tick counts them").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> good(http.get("/actuator/dreamnet/slos", "read-secret").body()) >= before + 12);
        String view = http.get("/actuator/dreamnet/slos", "read-secret").body();
        assertThat(view).contains("\"name\":\"products\"", "\"routes\":[\"GET /api/products\"]", "\"state\":\"OK\"",
                "\"bad\":0", "\"gateRollouts\":true");
        await("the objective's meters in the application's registry").atMost(Duration.ofSeconds(20))
                .until(() -> http.get("/actuator/metrics/dreamnet.slo.error.budget.remaining?tag=slo:products",
                        null).statusCode() == 200);
        assertThat(http.get("/actuator/metrics/dreamnet.slo.burn.rate?tag=slo:products&tag=window:1h", null).body())
                .contains("\"name\":\"dreamnet.slo.burn.rate\"");
        assertThat(http.get("/actuator/metrics/dreamnet.slo.state?tag=slo:products", null).body())
                .contains("{\"statistic\":\"VALUE\",\"value\":0.0}");
    }

    /** The good requests counted by the objective {@code products} in an {@code /actuator/dreamnet/slos} answer. */
    private static long good(String slos) throws IOException {
        for (JsonNode slo : new ObjectMapper().readTree(slos).path("slos")) {
            if (slo.path("name").asText().equals("products")) {
                return slo.path("good").asLong();
            }
        }
        throw new AssertionError("no objective \"products\" in " + slos);
    }

    private HttpResponse<String> checkout(HttpClient client, String user) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/checkout/" + user))
                .header("X-User-Id", user).build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<AuditEntry> audit() throws Exception {
        return context.getBean(DreamNet.class).audit().recent(100);
    }

    private static HttpClient unsizedClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }
}
