package dev.dreamnet.reference.http;

import dev.dreamnet.javalin.http.HttpApp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.reference.support.FlagServer;
import dev.dreamnet.reference.support.Reply;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The features' own exceptions (rollouts, canary faults, the stub provider, the flags' write gate), which know
 * nothing of HTTP, answer with the status, error word and detail that clients have always seen; the mapping lives
 * in {@link HttpApp} alone. The real server on port 0.
 */
class DomainErrorsTest {

    private static final String ROLLOUTS = "/api/admin/rollouts";

    @TempDir
    static Path dir;

    private static FlagServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = FlagServer.start(dir);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @AfterEach
    void noFaultsNoRollout() {
        server.admin.post("/api/admin/canary-faults", "{\"reason\": \"clean up\"}");
        server.admin.post(ROLLOUTS + "/dream-read-v2/rollback", "{\"reason\": \"clean up\"}");
        server.admin.post(FlagServer.FLAGS + "/flags/dreams.write/clear-override", "{}");
    }

    @Test
    void anUnknownRolloutIs404NamingTheKnownOnes() {
        Reply reply = server.admin.post(ROLLOUTS + "/nope/pause", "{}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(404);
        assertThat(reply.text("error")).isEqualTo("not found");
        assertThat(reply.text("detail")).matches("no rollout \"nope\" \\(known: (none|dream-read-v2)\\)");
    }

    @Test
    void startingALiveRolloutAgainAndResumingARunningOneAre409() {
        assertThat(startRollout().status()).isEqualTo(201);

        assertError(startRollout(), 409, "conflict", "rollout \"dream-read-v2\" is RUNNING at 50.0%; roll it back first");
        Reply resume = server.admin.post(ROLLOUTS + "/dream-read-v2/resume", "{}");
        assertThat(resume.status()).as(resume.body()).isEqualTo(409);
        assertThat(resume.text("error")).isEqualTo("conflict");
    }

    @Test
    void aCanaryRequestFailedOnPurposeIs500InjectedFault() {
        long dream = server.createDream("canary");
        assertThat(startRollout().status()).isEqualTo(201);
        server.admin.post("/api/admin/canary-faults", "{\"errorRate\": 1.0, \"reason\": \"rehearsal\"}");

        Reply failed = IntStream.range(0, 100)
                .mapToObj(i -> server.anonymous.with("X-User-Id", "user-" + i).get("/api/dreams/" + dream))
                .filter(reply -> reply.status() != 200).findFirst().orElseThrow();

        assertError(failed, 500, "injected fault", "the canary failed on purpose (POST /api/admin/canary-faults)");
    }

    @Test
    void faultSettingsOutOfRangeAre400NamingTheSetting() {
        assertError(server.admin.post("/api/admin/canary-faults", "{\"errorRate\": 1.5, \"reason\": \"r\"}"), 400,
                "bad request", "errorRate must be between 0 and 1, was 1.5");
        assertError(server.admin.post("/api/admin/stub-provider/faults", "{\"failureRate\": 2}"), 400,
                "bad request", "failureRate must be a number from 0 to 1, was 2");
    }

    @Test
    void aWriteWhoseFlagIsOffIs503FeatureOffWithRetryAfter() {
        server.admin.post(FlagServer.FLAGS + "/flags/dreams.write/override", "{\"enabled\": false}");

        Reply refused = server.anonymous.post("/api/dreams", "{\"title\": \"t\", \"body\": \"b\"}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(503);
        assertThat(refused.text("error")).isEqualTo("feature off");
        assertThat(refused.text("detail")).startsWith("flag dreams.write is off (");
        assertThat(refused.header("Retry-After")).isEqualTo("30");
    }

    private static Reply startRollout() {
        return server.admin.post(ROLLOUTS, "{\"name\": \"dream-read-v2\", \"steps\": [50, 100], \"reason\": \"errors\"}");
    }

    private static void assertError(Reply reply, int status, String error, String detail) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.text("error")).isEqualTo(error);
        assertThat(reply.text("detail")).isEqualTo(detail);
    }
}
