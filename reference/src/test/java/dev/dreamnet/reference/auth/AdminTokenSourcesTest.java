package dev.dreamnet.reference.auth;

import dev.dreamnet.runtime.auth.AccessControl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.reference.DreamnetServer;
import dev.dreamnet.reference.support.GraphJson;
import dev.dreamnet.reference.support.Http;
import dev.dreamnet.reference.support.Reply;
import dev.dreamnet.reference.support.Servers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where admin tokens come from: a tokens file that is re-read when it changes, so keys rotate
 * without a restart; and no token at all, which refuses every admin write rather than opening them.
 */
class AdminTokenSourcesTest {

    private static final String OLD = "old-" + UUID.randomUUID();
    private static final String NEW = "new-" + UUID.randomUUID();

    @TempDir
    Path dir;

    private DreamnetServer server;
    private Http http;

    @AfterEach
    void stop() {
        server.shutdown();
    }

    @Test
    void aTokenRotatedOutOfTheFileIsRefusedAndTheNewOneAcceptedWithoutARestart() throws Exception {
        Path tokens = Files.writeString(dir.resolve("admin-tokens"),
                "# rotation in progress\n" + OLD + "\n" + NEW + "\n");
        start(Map.of(AccessControl.ADMIN_TOKENS_FILE, tokens.toString()));
        assertThat(forceOpen(OLD).status()).isEqualTo(200);
        assertThat(forceOpen(NEW).status()).isEqualTo(200);

        Files.writeString(tokens, NEW + "\n");

        Reply old = forceOpen(OLD);
        assertThat(old.status()).isEqualTo(401);
        assertThat(old.text("detail")).isEqualTo("the token is not valid");
        assertThat(forceOpen(NEW).status()).isEqualTo(200);
        assertThat(old.body()).doesNotContain(OLD).doesNotContain(NEW);
    }

    @Test
    void tokensFromTheEnvironmentAndTheFileAreAllValidAtOnce() throws Exception {
        Path tokens = Files.writeString(dir.resolve("admin-tokens"), NEW + "\n");
        start(Map.of(AccessControl.ADMIN_TOKENS, OLD, AccessControl.ADMIN_TOKENS_FILE, tokens.toString()));

        assertThat(forceOpen(OLD).status()).isEqualTo(200);
        assertThat(forceOpen(NEW).status()).isEqualTo(200);
    }

    @Test
    void withNoAdminTokenConfiguredEveryAdminWriteIs403NamingTheVariableToSet() throws Exception {
        start(Map.of(AccessControl.READ_TOKENS, OLD));

        for (String route : AdminAuthorizationTest.ADMIN_ROUTES.keySet()) {
            for (Http caller : new Http[] {http, http.bearer(OLD), http.bearer("anything")}) {
                Reply reply = caller.post(route, AdminAuthorizationTest.ADMIN_ROUTES.get(route));
                assertThat(reply.status()).as(route + ": " + reply.body()).isEqualTo(403);
                assertThat(reply.text("error")).isEqualTo("forbidden");
                assertThat(reply.text("detail")).contains("no admin token is configured")
                        .contains("DREAMNET_ADMIN_TOKENS");
            }
        }
        assertThat(server.downstreams().breaker("queue").state().name()).isEqualTo("CLOSED");
    }

    @Test
    void anEmptyTokensFileConfiguresNoAdminToken() throws Exception {
        Path tokens = Files.writeString(dir.resolve("admin-tokens"), "# nobody yet\n\n");
        start(Map.of(AccessControl.ADMIN_TOKENS_FILE, tokens.toString()));

        assertThat(http.bearer("# nobody yet").post("/api/admin/breakers/queue/reset", "").status()).isEqualTo(403);
        assertThat(http.bearer("").post("/api/admin/breakers/queue/reset", "").status()).isEqualTo(403);
    }

    private void start(Map<String, String> environment) throws Exception {
        server = DreamnetServer.start(Servers.config(dir, GraphJson.reference().writeTo(dir))
                .environment(environment).build());
        http = new Http(server.port());
        Servers.awaitReady(http);
    }

    private Reply forceOpen(String token) {
        return http.bearer(token).post("/api/admin/breakers/provider/force-open", "{\"reason\": \"rotation\"}");
    }
}
