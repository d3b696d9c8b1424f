package dev.dreamnet.reference.flags;

import static dev.dreamnet.reference.support.FlagServer.ADMIN_TOKEN;
import static dev.dreamnet.reference.support.FlagServer.FLAGS;
import static dev.dreamnet.reference.support.FlagServer.READ_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dreamnet.runtime.auth.AccessControl;
import dev.dreamnet.reference.support.FlagServer;
import dev.dreamnet.reference.support.Http;
import dev.dreamnet.reference.support.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every flag admin route: who may call it, what it answers, and what the audit log keeps. */
class FlagAdminAuthorizationTest {

    private static final String OLD_FILE_TOKEN = "rotating-old-5d21";
    private static final String NEW_FILE_TOKEN = "rotating-new-e0c4";
    private static final String REASON = "{\"reason\": \"matrix test\"}";

    /** Each admin write, in an order in which every one succeeds. */
    private static final List<Write> WRITES = List.of(
            new Write("/brownout/enable", REASON, "mode.enable", "mode"),
            new Write("/brownout/disable", REASON, "mode.disable", "mode"),
            new Write("/emergency/enable", REASON, "mode.enable", "mode"),
            new Write("/emergency/disable", REASON, "mode.disable", "mode"),
            new Write("/safe-mode/enable", REASON, "kill-switch.safe-mode", "safe-mode"),
            new Write("/safe-mode/disable", REASON, "kill-switch.safe-mode", "safe-mode"),
            new Write("/write-drain/enable", REASON, "kill-switch.write-drain", "write-drain"),
            new Write("/write-drain/disable", REASON, "kill-switch.write-drain", "write-drain"),
            new Write("/flags/recommendations/override", "{\"enabled\": false, \"reason\": \"matrix test\"}",
                    "flag.override", "recommendations"),
            new Write("/flags/recommendations/clear-override", REASON, "flag.clear-override", "recommendations"),
            new Write("/agents/citadel/quarantine", REASON, "agent.quarantine", "citadel"),
            new Write("/agents/citadel/release", REASON, "agent.release", "citadel"));

    private record Write(String path, String body, String action, String target) {
    }

    @TempDir
    Path dir;

    private FlagServer flags;
    private Path tokenFile;
    private final List<Reply> replies = new ArrayList<>();

    @BeforeEach
    void startWithAdminTokensFromTheEnvironmentAndAFile() throws Exception {
        tokenFile = Files.writeString(dir.resolve("admin-tokens"), "# rotated by the test\n" + OLD_FILE_TOKEN + "\n");
        flags = FlagServer.start(dir, Map.of(AccessControl.ADMIN_TOKENS_FILE, tokenFile.toString()));
    }

    @AfterEach
    void stopAndCheckNoTokenWasEchoed() {
        flags.close();
        for (Reply reply : replies) {
            assertThat(reply.body()).doesNotContain(ADMIN_TOKEN, READ_TOKEN, OLD_FILE_TOKEN, NEW_FILE_TOKEN, "wrong-token");
        }
    }

    @Test
    void withoutATokenEveryAdminRouteAnswers401AndChangesNothing() {
        JsonNode before = flags.flags().get("state");
        for (Write write : WRITES) {
            assertThat(post(flags.anonymous, write).status()).as(write.path()).isEqualTo(401);
        }
        assertThat(flags.flags().get("state")).isEqualTo(before);
    }

    @Test
    void withAnUnknownTokenEveryAdminRouteAnswers401() {
        Http stranger = flags.anonymous.bearer("wrong-token");
        for (Write write : WRITES) {
            Reply reply = post(stranger, write);
            assertThat(reply.status()).as(write.path()).isEqualTo(401);
            assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
        }
    }

    @Test
    void withAReadOnlyTokenEveryAdminRouteAnswers403() {
        for (Write write : WRITES) {
            Reply reply = post(flags.reader, write);
            assertThat(reply.status()).as(write.path()).isEqualTo(403);
            assertThat(reply.text("detail")).isEqualTo("this token may read but not change anything");
        }
    }

    @Test
    void withAnAdminTokenEveryAdminRouteAnswers200AndIsAuditedWithActorBeforeAfterAndReason() {
        for (Write write : WRITES) {
            Reply reply = post(flags.admin, write);
            assertThat(reply.status()).as(write.path() + ": " + reply.body()).isEqualTo(200);

            JsonNode entry = replyOf(flags.reader.get("/api/observability/audit?limit=1")).get("entries").get(0);
            assertThat(entry.get("actor").asText()).isEqualTo("test-operator");
            assertThat(entry.get("action").asText()).as(write.path()).isEqualTo(write.action());
            assertThat(entry.get("target").asText()).isEqualTo(write.target());
            assertThat(entry.get("reason").asText()).isEqualTo("matrix test");
            assertThat(entry.get("before").asText()).startsWith("mode=");
            assertThat(entry.get("after").asText()).startsWith("mode=").isNotEqualTo(entry.get("before").asText());
        }
        assertThat(flags.flags().at("/state/mode").asText()).isEqualTo("NORMAL");
    }

    @Test
    void aRotatedTokenFileRevokesTheOldTokenAndAcceptsTheNewOneWithoutARestart() throws Exception {
        Write brownout = WRITES.get(0);
        Write back = WRITES.get(1);
        assertThat(post(flags.anonymous.bearer(OLD_FILE_TOKEN), brownout).status()).isEqualTo(200);

        Files.writeString(tokenFile, NEW_FILE_TOKEN + "\n");

        assertThat(post(flags.anonymous.bearer(OLD_FILE_TOKEN), back).status()).isEqualTo(401);
        assertThat(post(flags.anonymous.bearer(NEW_FILE_TOKEN), back).status()).isEqualTo(200);
        assertThat(flags.flags().at("/state/mode").asText()).isEqualTo("NORMAL");
    }

    @Test
    void brownoutWithoutAReasonAnswers400NamingTheReason() {
        for (String body : new String[] {"", "{}", "{\"reason\": \"  \"}"}) {
            Reply reply = keep(flags.admin.post(FLAGS + "/brownout/enable", body));
            assertThat(reply.status()).as(body).isEqualTo(400);
            assertThat(reply.text("detail")).as(body).contains("reason");
        }
        assertThat(flags.flags().at("/state/mode").asText()).isEqualTo("NORMAL");
    }

    @Test
    void disablingAModeThatIsNotOnAnswers409NamingTheCurrentMode() {
        Reply reply = keep(flags.adminPost("/emergency/disable", REASON));
        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.text("detail")).isEqualTo("EMERGENCY is not on (the mode is NORMAL)");

        keep(flags.adminPost("/brownout/enable", REASON));
        assertThat(keep(flags.adminPost("/emergency/disable", REASON)).text("detail"))
                .isEqualTo("EMERGENCY is not on (the mode is BROWNOUT)");
    }

    private Reply post(Http http, Write write) {
        return keep(http.post(FLAGS + write.path(), write.body()));
    }

    private JsonNode replyOf(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return keep(reply).json();
    }

    private Reply keep(Reply reply) {
        replies.add(reply);
        return reply;
    }
}
