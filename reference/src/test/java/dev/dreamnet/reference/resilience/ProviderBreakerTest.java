package dev.dreamnet.reference.resilience;

import static dev.dreamnet.testing.ScriptedUpstream.fail;
import static dev.dreamnet.testing.ScriptedUpstream.ok;
import static dev.dreamnet.testing.ScriptedUpstream.retryAfter;
import static dev.dreamnet.testing.ScriptedUpstream.slow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dreamnet.reference.DreamnetServer;
import dev.dreamnet.reference.support.DagJson;
import dev.dreamnet.reference.support.GraphJson;
import dev.dreamnet.reference.support.Http;
import dev.dreamnet.reference.support.Reply;
import dev.dreamnet.reference.support.Servers;
import dev.dreamnet.testing.ScriptedUpstream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/dreams/{id}/interpret} against a real HTTP upstream that fails, slows down and
 * recovers on cue: the provider breaker trips, the fallback answers, retries honour Retry-After
 * and the deadline, and calls reach the provider again once it has recovered.
 */
class ProviderBreakerTest {

    /** Small settings so the breaker trips in a handful of calls and retries cost little time. */
    static final String RESILIENCE = """
            defaults:
              breaker:
                consecutiveFailures: 3
                failureRateThreshold: 50
                slowCallRateThreshold: 80
                slowCallDuration: 200ms
                window: {type: count, size: 10}
                minimumCalls: 5
                resetTimeout: 2s
                permittedCallsInHalfOpen: 1
              retry:
                maxAttempts: 2
                backoff: {initial: 10ms, max: 10ms, jitter: none}
              timeout: 2s
            services:
              database:
                retry: {maxAttempts: 1}
              provider:
                baseUrl: "%s"
              queue: {}
            """;
    private static final Duration FAST = Duration.ofMillis(1000);

    @TempDir
    Path dir;

    private final ScriptedUpstream upstream = ScriptedUpstream.start();
    private DreamnetServer server;
    private Http http;
    private long dreamId;

    @BeforeEach
    void startWithTheProviderAtTheScriptedUpstream() throws Exception {
        Path resilience = Files.writeString(dir.resolve("resilience.yaml"), RESILIENCE.formatted(upstream.baseUrl()));
        server = DreamnetServer.start(Servers.config(dir, GraphJson.reference().writeTo(dir))
                .resilienceFile(resilience).build());
        http = new Http(server.port());
        Servers.awaitReady(http);
        dreamId = http.post("/api/dreams", "{\"title\": \"falling\"}").json().get("id").asLong();
    }

    @AfterEach
    void stop() {
        server.shutdown();
        upstream.close();
    }

    @Test
    void aHealthyProviderAnswersTheInterpretation() {
        Reply reply = interpret();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text("source")).isEqualTo("provider");
        assertThat(reply.text("interpretation")).isEqualTo("scripted interpretation");
        assertThat(reply.header("X-Dreamnet-Fallback")).isNull();
        assertThat(upstream.requests()).isEqualTo(1);
        assertThat(breaker().get("state").asText()).isEqualTo("CLOSED");
        assertThat(breaker().get("calls").asLong()).isEqualTo(1);
    }

    @Test
    void aFailingProviderGetsTheFallbackWithTheReasonAndOpensTheBreakerAfterThreeFailuresInARow() {
        upstream.answer(fail(500));

        Reply first = interpret();
        assertFallback(first, "provider answered 500");
        assertThat(first.text("reason")).contains("gave up after 2 attempts");
        assertThat(upstream.requests()).as("one call and one retry").isEqualTo(2);

        assertFallback(interpret(), "circuit breaker \"provider\" is OPEN");
        assertThat(upstream.requests()).as("the third failure opened the breaker: no retry").isEqualTo(3);
        JsonNode breaker = breaker();
        assertThat(breaker.get("state").asText()).isEqualTo("OPEN");
        JsonNode transition = breaker.get("lastTransition");
        assertThat(transition.get("from").asText()).isEqualTo("CLOSED");
        assertThat(transition.get("to").asText()).isEqualTo("OPEN");
        assertThat(transition.get("reason").asText()).isEqualTo("3 consecutive failures");
        Instant openedAt = Instant.parse(transition.get("at").asText());
        assertThat(Instant.parse(breaker.get("nextAttemptAt").asText())).isEqualTo(openedAt.plusSeconds(2));
    }

    @Test
    void whileOpenTheFallbackAnswersAtOnceAndNoRequestReachesTheUpstream() {
        openTheBreaker();
        upstream.answer(slow(Duration.ofMillis(1500))); // a request that got through would be slow
        int before = upstream.requests();

        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            Reply reply = interpret();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(FAST);
            assertFallback(reply, "is OPEN and does not permit calls");
        }

        assertThat(upstream.requests()).isEqualTo(before);
        assertThat(breaker().get("notPermittedCalls").asLong()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void slowCallsTripTheBreakerEvenThoughTheyAllSucceed() {
        upstream.answer(slow(Duration.ofMillis(300)));

        for (int i = 0; i < 5; i++) {
            assertThat(interpret().text("source")).isEqualTo("provider");
        }

        JsonNode breaker = breaker();
        assertThat(breaker.get("state").asText()).isEqualTo("OPEN");
        assertThat(breaker.get("slowCalls").asLong()).isEqualTo(5);
        assertThat(breaker.get("lastTransition").get("reason").asText())
                .isEqualTo("slow call rate 100.0% >= 80.0% (5 of 5 calls)");
        assertFallback(interpret(), "is OPEN and does not permit calls");
        assertThat(upstream.requests()).isEqualTo(5);
    }

    @Test
    void aRetryAfterFromTheUpstreamIsWaitedOutBeforeTheRetry() {
        upstream.answerOnce(retryAfter(1)).answer(ok());

        Reply reply = interpret();

        assertThat(reply.text("source")).isEqualTo("provider");
        List<Long> arrivals = upstream.arrivalNanos();
        assertThat(arrivals).hasSize(2);
        assertThat(Duration.ofNanos(arrivals.get(1) - arrivals.get(0))).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aRetryAfterThatWouldEndPastTheDeadlineGivesTheFallbackWithoutWaiting() {
        upstream.answer(retryAfter(5));

        long start = System.nanoTime();
        Reply reply = interpret();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(FAST);
        assertFallback(reply, "would start past the deadline");
        assertThat(reply.text("reason")).contains("Retry-After 5s");
        assertThat(upstream.requests()).isEqualTo(1);
    }

    /** Regression: each attempt had the full timeout, so a retry started 1 s in ran to 3 s on a 2 s timeout. */
    @Test
    void theWholeCallRetriesIncludedEndsWithinTheProviderTimeout() {
        upstream.answerOnce(retryAfter(1)).answer(slow(Duration.ofSeconds(10)));

        long start = System.nanoTime();
        Reply reply = interpret();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2600));
        assertFallback(reply, "gave up after 2 attempts");
        assertThat(upstream.requests()).isEqualTo(2);
    }

    @Test
    void afterTheProviderRecoversAndTheResetTimeoutPassesCallsReachItAgainAndTheBreakerCloses() {
        openTheBreaker();
        upstream.answer(ok());
        int before = upstream.requests();

        await("interpretations from the provider again").atMost(Servers.DEADLINE).pollInterval(Duration.ofMillis(200))
                .until(() -> "provider".equals(interpret().text("source")));

        assertThat(upstream.requests()).isEqualTo(before + 1);
        JsonNode breaker = breaker();
        assertThat(breaker.get("state").asText()).isEqualTo("CLOSED");
        assertThat(breaker.get("lastTransition").get("from").asText()).isEqualTo("HALF_OPEN");
        assertThat(breaker.get("nextAttemptAt").isNull()).isTrue();
    }

    @Test
    void aClientErrorFromTheUpstreamIsNotRetried() {
        upstream.answer(fail(400));

        assertFallback(interpret(), "provider answered 400");

        assertThat(upstream.requests()).isEqualTo(1);
    }

    private void openTheBreaker() {
        upstream.answer(fail(503));
        interpret();
        interpret();
        assertThat(breaker().get("state").asText()).isEqualTo("OPEN");
    }

    private Reply interpret() {
        return http.post("/api/dreams/" + dreamId + "/interpret", "");
    }

    private JsonNode breaker() {
        return DagJson.entry(http.get("/api/observability/circuit-breakers").json(), "breakers", "provider");
    }

    private static void assertFallback(Reply reply, String reason) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.text("source")).isEqualTo("fallback");
        assertThat(reply.header("X-Dreamnet-Fallback")).isEqualTo("provider");
        assertThat(reply.text("reason")).contains(reason);
    }
}
