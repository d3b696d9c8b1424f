package dev.dreamnet.reference.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dreamnet.reference.DreamnetServer;
import dev.dreamnet.runtime.auth.AccessControl;
import dev.dreamnet.reference.support.DagJson;
import dev.dreamnet.reference.support.GraphJson;
import dev.dreamnet.reference.support.Http;
import dev.dreamnet.reference.support.Reply;
import dev.dreamnet.reference.support.Servers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without {@code provider.baseUrl} the server calls its built-in stub provider; the runbook's outage
 * rehearsal (fault injection through the admin API) trips the provider breaker like a real outage.
 */
class StubProviderOutageTest {

    private static final String ADMIN = "stub-admin-token";
    private static final String RESILIENCE = """
            defaults:
              breaker: {consecutiveFailures: 3, resetTimeout: 1s, permittedCallsInHalfOpen: 1}
              retry:
                maxAttempts: 2
                backoff: {initial: 10ms, max: 10ms, jitter: none}
              timeout: 2s
            services:
              database:
                retry: {maxAttempts: 1}
              provider: {}
              queue: {}
            """;

    @TempDir
    Path dir;

    private DreamnetServer server;
    private Http http;
    private long dreamId;

    @BeforeEach
    void startWithTheBuiltInStubProvider() throws Exception {
        Path resilience = Files.writeString(dir.resolve("resilience.yaml"), RESILIENCE);
        server = DreamnetServer.start(Servers.config(dir, GraphJson.reference().writeTo(dir)).resilienceFile(resilience)
                .environment(Map.of(AccessControl.ADMIN_TOKENS, ADMIN)).build());
        http = new Http(server.port());
        Servers.awaitReady(http);
        dreamId = http.post("/api/dreams", "{\"title\": \"flying\"}").json().get("id").asLong();
    }

    @AfterEach
    void stop() {
        server.shutdown();
    }

    @Test
    void theStubAnswersUntilFaultsAreInjectedThenTheBreakerOpensAndClosesAgainWhenTheyAreCleared() {
        assertThat(interpret().text("interpretation"))
                .isEqualTo("A dream about \"flying\" suggests something left unfinished.");

        assertThat(faults("{\"failureRate\": 1.0, \"status\": 503}").status()).isEqualTo(200);
        Reply failed = interpret();
        assertThat(failed.text("source")).isEqualTo("fallback");
        assertThat(failed.text("reason")).contains("provider answered 503");
        interpret();
        assertThat(breakerState()).isEqualTo("OPEN");

        faults("{\"failureRate\": 0}");
        await("provider answers again").atMost(Servers.DEADLINE).pollInterval(Duration.ofMillis(200))
                .until(() -> "provider".equals(interpret().text("source")));
        assertThat(breakerState()).isEqualTo("CLOSED");
    }

    @Test
    void injectedLatencyBeyondTheTimeoutEndsInTheFallbackWithinTheTimeout() {
        faults("{\"delayMs\": 5000}");

        long start = System.nanoTime();
        Reply reply = interpret();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2600));
        assertThat(reply.text("source")).isEqualTo("fallback");
    }

    private Reply faults(String body) {
        return http.bearer(ADMIN).post("/api/admin/stub-provider/faults", body);
    }

    private Reply interpret() {
        return http.post("/api/dreams/" + dreamId + "/interpret", "");
    }

    private String breakerState() {
        return DagJson.entry(http.get("/api/observability/circuit-breakers").json(), "breakers", "provider")
                .get("state").asText();
    }
}
