package dev.dreamnet.reference.auth;

import dev.dreamnet.runtime.auth.AccessControl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.dreamnet.reference.DreamnetServer;
import dev.dreamnet.reference.support.GraphJson;
import dev.dreamnet.reference.support.Http;
import dev.dreamnet.reference.support.RawHttp;
import dev.dreamnet.reference.support.Reply;
import dev.dreamnet.reference.support.Servers;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Regression: {@code GET /metrics/} (trailing slash) served every metric without the read token while
 * {@code /metrics} answered 401, and {@code GET /api/admin/canary-faults} was open to anyone. Every spelling
 * of a protected path is either refused without a token or matches no route at all.
 */
class ReadTokenPathVariantsTest {

    static final String ADMIN = "admin-" + UUID.randomUUID();
    static final String READ = "read-" + UUID.randomUUID();

    @TempDir
    static Path dir;

    private static DreamnetServer server;
    private static RawHttp raw;

    @BeforeAll
    static void startWithAReadToken() throws Exception {
        server = DreamnetServer.start(Servers.config(dir, GraphJson.reference().writeTo(dir))
                .environment(Map.of(AccessControl.ADMIN_TOKENS, ADMIN, AccessControl.READ_TOKENS, READ)).build());
        Servers.awaitReady(new Http(server.port()));
        raw = new RawHttp(server.port());
    }

    @AfterAll
    static void stop() {
        server.shutdown();
    }

    /** A spelling of a protected path, and whether the server routes it to the protected endpoint. */
    static Stream<Arguments> variants() {
        return Stream.of(
                arguments("/metrics", true),
                arguments("/metrics/", true),
                arguments("/metrics?format=text", true),
                arguments("//metrics", false),
                arguments("/metrics//", false),
                arguments("/METRICS", false),
                arguments("/%6Detrics", false),
                arguments("/metrics%2F", false),
                arguments("/metrics;x=1", false),
                arguments("/api/observability/summary", true),
                arguments("/api/observability/summary/", true),
                arguments("/api//observability/summary", false),
                arguments("/api/observability//summary", false),
                arguments("/API/observability/summary", false),
                arguments("/api/%6Fbservability/summary", false),
                arguments("/api/observability%2Fsummary", false),
                arguments("/api/observability/circuit-breakers/", true),
                arguments("/api/integration-flags/", true),
                arguments("/api/admin/canary-faults", true),
                arguments("/api/admin/canary-faults/", true),
                arguments("/api/admin//canary-faults", false),
                arguments("/api/ADMIN/canary-faults", false));
    }

    @DisplayName("Regression: /metrics/ and /api/admin/canary-faults answered 200 without the read token")
    @ParameterizedTest(name = "GET {0} (a real route: {1})")
    @MethodSource("variants")
    void noSpellingOfAProtectedPathServesDataWithoutTheReadToken(String path, boolean routed) {
        Reply anonymous = raw.send("GET", path);

        assertThat(anonymous.status()).as(anonymous.body()).isEqualTo(routed ? 401 : 404);
        assertThat(anonymous.json().fieldNames()).toIterable().containsExactlyInAnyOrder("error", "detail");
        if (routed) {
            assertThat(anonymous.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"dreamnet\"");
        }
    }

    @ParameterizedTest(name = "GET {0} (a real route: {1})")
    @MethodSource("variants")
    void withTheReadTokenEveryRealRouteAnswers(String path, boolean routed) {
        Reply reply = raw.send("GET", path, "Authorization", "Bearer " + READ);

        assertThat(reply.status()).as(reply.body()).isEqualTo(routed ? 200 : 404);
    }

    @Test
    void adminReadsTakeTheReadOrTheAdminToken() {
        assertThat(raw.send("GET", "/api/admin/canary-faults", "Authorization", "Bearer " + ADMIN).status())
                .isEqualTo(200);
        assertThat(raw.send("GET", "/api/admin/canary-faults", "Authorization", "Bearer wrong").status())
                .isEqualTo(401);
    }

    @Test
    void probesStayOpenWhateverTheSpelling() {
        assertThat(raw.send("GET", "/health/live/").status()).isEqualTo(200);
        assertThat(raw.send("GET", "/health/ready").status()).isEqualTo(200);
    }
}
