package dev.dreamnet.reference.rollouts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.reference.support.FlagServer;
import dev.dreamnet.reference.support.Reply;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whole-number fields of admin bodies are whole numbers in range, or a 400 naming the field: never cut or clamped. */
class AdminBodyNumbersTest {

    @TempDir
    static Path dir;

    private static FlagServer server;

    @BeforeAll
    static void start() throws Exception {
        server = FlagServer.start(dir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @DisplayName("Regression: rollout minRequests 1e20 became 2147483647 and 1.7 became 1")
    @ParameterizedTest(name = "minRequests: {0}")
    @ValueSource(strings = {"1e20", "1.7", "0", "-1", "2147483648", "99999999999999999999", "\"300\"", "true"})
    void aMinRequestsThatIsNotAWholeNumberInRangeIs400NamingIt(String value) {
        Reply reply = server.admin.post("/api/admin/rollouts",
                "{\"name\": \"dream-read-v2\", \"reason\": \"numbers\", \"minRequests\": " + value + "}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.text("detail")).startsWith("minRequests: must be a whole number from 1 to 2147483647, was ");
        assertThat(server.admin.get("/api/observability/rollouts").json().get("rollouts")).isEmpty();
    }

    @Test
    void aWholeMinRequestsIsTakenAsWritten() {
        Reply reply = server.admin.post("/api/admin/rollouts",
                "{\"name\": \"whole\", \"reason\": \"numbers\", \"minRequests\": 3e2}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.json().findValue("minRequests").asInt()).isEqualTo(300);
    }

    @Test
    void aFractionalCanaryDelayIs400NamingIt() {
        Reply reply = server.admin.post("/api/admin/canary-faults", "{\"delayMs\": 1.5, \"reason\": \"numbers\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("detail")).isEqualTo("delayMs: must be a whole number from 0 to 60000, was 1.5");
    }

    @Test
    void aFractionalStubProviderStatusIs400NamingIt() {
        Reply reply = server.admin.post("/api/admin/stub-provider/faults", "{\"status\": 503.5}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("detail")).isEqualTo("status: must be a whole number from 400 to 599, was 503.5");
    }
}
