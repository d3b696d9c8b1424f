package dev.dreamnet.reference.auth;

import dev.dreamnet.runtime.auth.AccessControl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.dreamnet.reference.DreamnetServer;
import dev.dreamnet.reference.support.GraphJson;
import dev.dreamnet.reference.support.Http;
import dev.dreamnet.reference.support.Reply;
import dev.dreamnet.reference.support.Servers;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Who may do what, on a server with an admin and a read token configured: every admin route
 * against every kind of caller, observability reads behind the read token, probes open to all,
 * and no token ever echoed back.
 */
class AdminAuthorizationTest {

    static final String ADMIN = "admin-" + UUID.randomUUID();
    static final String READ = "read-" + UUID.randomUUID();
    static final String WRONG = "wrong-" + UUID.randomUUID();

    /** The admin routes, each with a body it accepts. */
    static final Map<String, String> ADMIN_ROUTES = Map.of(
            "/api/admin/breakers/queue/force-open", "{\"reason\": \"authorization matrix\"}",
            "/api/admin/breakers/queue/force-closed", "{\"reason\": \"authorization matrix\"}",
            "/api/admin/breakers/queue/reset", "",
            "/api/admin/stub-provider/faults", "{\"failureRate\": 0}");

    /** A kind of caller: how it presents itself, and what every admin route must answer it. */
    enum Caller {
        NO_TOKEN(null, 401, "an admin bearer token is required"),
        WRONG_TOKEN(WRONG, 401, "the token is not valid"),
        READ_ONLY_TOKEN(READ, 403, "this token may read but not change anything"),
        ADMIN_TOKEN(ADMIN, 200, null);

        final String token;
        final int status;
        final String detail;

        Caller(String token, int status, String detail) {
            this.token = token;
            this.status = status;
            this.detail = detail;
        }
    }

    @TempDir
    static Path dir;

    private static DreamnetServer server;
    private static Http http;

    @BeforeAll
    static void startWithAnAdminAndAReadToken() throws Exception {
        server = DreamnetServer.start(Servers.config(dir, GraphJson.reference().writeTo(dir))
                .environment(Map.of(AccessControl.ADMIN_TOKENS, "unused-admin-token, " + ADMIN,
                        AccessControl.READ_TOKENS, READ)).build());
        http = new Http(server.port());
        Servers.awaitReady(http);
    }

    @AfterAll
    static void stop() {
        server.shutdown();
    }

    static Stream<Arguments> everyAdminRouteForEveryCaller() {
        return ADMIN_ROUTES.keySet().stream().sorted()
                .flatMap(route -> Stream.of(Caller.values()).map(caller -> arguments(route, caller)));
    }

    @ParameterizedTest(name = "POST {0} with {1}")
    @MethodSource("everyAdminRouteForEveryCaller")
    void everyAdminRouteAnswersAccordingToTheCallersToken(String route, Caller caller) {
        Reply reply = as(caller.token).post(route, ADMIN_ROUTES.get(route));

        assertThat(reply.status()).as(reply.body()).isEqualTo(caller.status);
        if (caller.status == 401) {
            assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"dreamnet\"");
        }
        if (caller.detail != null) {
            assertThat(reply.text("error")).isEqualTo(caller.status == 401 ? "unauthorized" : "forbidden");
            assertThat(reply.text("detail")).isEqualTo(caller.detail);
        }
        assertNoTokenIn(reply);
    }

    @ParameterizedTest(name = "Authorization: {0}")
    @ValueSource(strings = {"Basic YWRtaW46YWRtaW4=", "Bearer", "Bearer   ", "Token abc"})
    void anAuthorizationHeaderThatIsNotABearerTokenIs401(String header) {
        Reply reply = http.with("Authorization", header).post("/api/admin/breakers/queue/reset", "");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"dreamnet\"");
    }

    @Test
    void theBearerSchemeIsCaseInsensitive() {
        assertThat(http.with("Authorization", "bearer " + ADMIN).post("/api/admin/breakers/queue/reset", "").status())
                .isEqualTo(200);
    }

    @Test
    void anUnknownBreakerIs404NamingTheKnownOnes() {
        Reply reply = as(ADMIN).post("/api/admin/breakers/provdier/force-open", "");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.text("detail"))
                .isEqualTo("no circuit breaker \"provdier\" (known: database, provider, queue)");
    }

    @Test
    void anUnknownBreakerIsStill401WithoutATokenSoNamesDoNotLeak() {
        Reply reply = as(null).post("/api/admin/breakers/provdier/force-open", "");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.body()).doesNotContain("provider");
    }

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {"/api/observability/circuit-breakers", "/api/observability/audit",
            "/api/observability/health-gates"})
    void observabilityReadsNeedAReadOrAdminTokenOnceReadTokensAreConfigured(String path) {
        Reply anonymous = as(null).get(path);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"dreamnet\"");
        assertThat(anonymous.text("detail")).isEqualTo("a read or admin bearer token is required");
        assertThat(as(WRONG).get(path).status()).isEqualTo(401);
        assertThat(as(READ).get(path).status()).isEqualTo(200);
        assertThat(as(ADMIN).get(path).status()).isEqualTo(200);
        List.of(anonymous, as(READ).get(path)).forEach(AdminAuthorizationTest::assertNoTokenIn);
    }

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {"/health/live", "/health/ready", "/health/startup", "/api/health"})
    void probesStayOpenWithoutAToken(String path) {
        Reply reply = as(null).get(path);

        assertThat(reply.status()).isEqualTo(200);
        assertNoTokenIn(reply);
    }

    @Test
    void aWriteWithTheAdminTokenReallyChangesTheBreaker() {
        assertThat(as(ADMIN).post("/api/admin/breakers/queue/force-open", "").text("state")).isEqualTo("FORCED_OPEN");
        assertThat(server.downstreams().breaker("queue").state().name()).isEqualTo("FORCED_OPEN");

        assertThat(as(ADMIN).post("/api/admin/breakers/queue/reset", "").text("state")).isEqualTo("CLOSED");
    }

    @Test
    void aRefusedWriteChangesNothing() {
        as(ADMIN).post("/api/admin/breakers/queue/reset", "");

        as(READ).post("/api/admin/breakers/queue/force-open", "");
        as(WRONG).post("/api/admin/breakers/queue/force-open", "");

        assertThat(server.downstreams().breaker("queue").state().name()).isEqualTo("CLOSED");
    }

    private static Http as(String token) {
        return token == null ? http : http.bearer(token);
    }

    static void assertNoTokenIn(Reply reply) {
        for (String token : List.of(ADMIN, READ, WRONG, "unused-admin-token")) {
            assertThat(reply.body()).doesNotContain(token);
            assertThat(reply.headers().toString()).doesNotContain(token);
        }
    }
}
