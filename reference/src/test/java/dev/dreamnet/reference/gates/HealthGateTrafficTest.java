package dev.dreamnet.reference.gates;

import static dev.dreamnet.reference.support.GraphJson.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dreamnet.reference.DreamnetServer;
import dev.dreamnet.reference.support.DagJson;
import dev.dreamnet.reference.support.GraphJson;
import dev.dreamnet.reference.support.Http;
import dev.dreamnet.reference.support.Reply;
import dev.dreamnet.reference.support.Servers;
import dev.dreamnet.reference.support.TestCustomizer;
import dev.dreamnet.testing.SwitchableComponent;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A started service that checks itself gets a gate; a failing critical gate keeps traffic out until it passes. */
class HealthGateTrafficTest {

    @TempDir
    Path dir;

    private final SwitchableComponent ledger = new SwitchableComponent();
    private final SwitchableComponent recommendations = new SwitchableComponent();
    private DreamnetServer server;
    private Http http;

    @BeforeEach
    void startWithACriticalAndANonCriticalSelfCheckingService() throws Exception {
        GraphJson graph = GraphJson.reference(service("ledger").dependsOn("database"),
                service("recommendations").critical(false));
        server = Servers.start(dir, graph,
                new TestCustomizer().kind("ledger", ledger).kind("recommendations", recommendations));
        http = new Http(server.port());
        Servers.awaitReady(http);
    }

    @AfterEach
    void stop() {
        server.shutdown();
    }

    @Test
    void eachSelfCheckingServiceGetsAGateThatIsCriticalWhenTheServiceIs() {
        JsonNode gates = http.get("/api/observability/health-gates").json();

        assertThat(DagJson.entry(gates, "gates", "ledger").get("critical").asBoolean()).isTrue();
        assertThat(DagJson.entry(gates, "gates", "recommendations").get("critical").asBoolean()).isFalse();
        assertThat(DagJson.entry(gates, "gates", "database").get("state").asText()).isEqualTo("READY");
    }

    @Test
    void threeFailedChecksOfACriticalGateTurnTrafficAwayUntilItPassesAgain() {
        assertThat(http.get("/api/dreams").status()).isEqualTo(200);

        ledger.failChecks("ledger disk full");
        await("traffic turned away").atMost(Servers.DEADLINE).until(() -> http.get("/api/dreams").status() == 503);
        Reply refused = http.get("/api/dreams");
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(refused.text("detail")).isEqualTo("critical health gates not ready: ledger");
        JsonNode gate = DagJson.entry(http.get("/api/observability/health-gates").json(), "gates", "ledger");
        assertThat(gate.get("state").asText()).isEqualTo("NOT_READY");
        assertThat(gate.get("consecutiveFailures").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(gate.get("consecutivePasses").asInt()).isZero();
        assertThat(gate.get("lastHealthy").asBoolean()).isFalse();
        assertThat(gate.get("lastDetail").asText()).isEqualTo("ledger disk full");
        assertThat(http.get("/health/ready").status()).isEqualTo(503);

        ledger.passChecks();
        await("traffic back").atMost(Servers.DEADLINE).until(() -> http.get("/api/dreams").status() == 200);
        JsonNode healed = DagJson.entry(http.get("/api/observability/health-gates").json(), "gates", "ledger");
        assertThat(healed.get("state").asText()).isEqualTo("READY");
        assertThat(healed.get("consecutivePasses").asInt()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aFailingNonCriticalGateLeavesTrafficFlowingButReportsDegraded() {
        recommendations.failChecks("model not loaded");

        await("degraded").atMost(Servers.DEADLINE)
                .until(() -> "DEGRADED".equals(http.get("/health/ready").text("status")));
        assertThat(http.get("/health/ready").status()).isEqualTo(200);
        assertThat(http.get("/api/dreams").status()).isEqualTo(200);
        JsonNode gates = http.get("/api/observability/health-gates").json();
        assertThat(gates.get("status").asText()).isEqualTo("DEGRADED");
        assertThat(DagJson.entry(gates, "gates", "recommendations").get("state").asText()).isEqualTo("NOT_READY");
    }
}
