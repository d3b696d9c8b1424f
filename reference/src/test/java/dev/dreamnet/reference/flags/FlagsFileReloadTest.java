package dev.dreamnet.reference.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dreamnet.reference.support.DagJson;
import dev.dreamnet.reference.support.FlagServer;
import dev.dreamnet.reference.support.Servers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The running server watches its flags file: good edits show at the endpoint, bad and unsafe ones are refused. */
class FlagsFileReloadTest {

    private static final String EMAIL_ON = "  notifications.email:\n    enabled: true\n";

    @TempDir
    Path dir;

    private FlagServer flags;
    private String shipped;

    @BeforeEach
    void startWithACopyOfTheShippedFlagsFile() throws Exception {
        flags = FlagServer.start(dir);
        shipped = Files.readString(flags.flagsFile);
        assertThat(shipped).contains(EMAIL_ON);
    }

    @AfterEach
    void stop() {
        flags.close();
    }

    @Test
    void turningAFlagOffInTheFileShowsAtTheEndpointWithANewConfigVersion() throws Exception {
        String before = flags.flags().get("configVersion").asText();

        flags.writeFlags(shipped.replace(EMAIL_ON, "  notifications.email:\n    enabled: false\n"));

        await("notifications.email off").atMost(Servers.DEADLINE)
                .until(() -> !flags.flag("notifications.email").get("effective").asBoolean());
        JsonNode after = flags.flags();
        assertThat(after.get("configVersion").asText()).isNotEqualTo(before);
        assertThat(DagJson.entry(after, "flags", "notifications.email").get("decidedBy").asText()).isEqualTo("FLAG_VALUE");
        assertThat(after.at("/reload/lastError").isNull()).isTrue();
    }

    @Test
    void anOverrideWhoseFlagWasRemovedFromTheFileCanStillBeClearedOnce() throws Exception {
        String email = "  notifications.email:\n    enabled: true\n    owner: growth-team\n"
                + "    description: Sending reminder and digest emails\n    degradation: brownout\n";
        assertThat(shipped).contains(email);
        assertThat(flags.adminPost("/flags/notifications.email/override", "{\"enabled\": false}").status())
                .isEqualTo(200);

        flags.writeFlags(shipped.replace(email, ""));
        await("notifications.email removed").atMost(Servers.DEADLINE).until(() -> !flags.flags().get("flags")
                .findValuesAsText("name").contains("notifications.email"));

        assertThat(flags.adminPost("/flags/notifications.email/clear-override", "").status()).isEqualTo(200);
        assertThat(flags.flags().at("/state/overrides").has("notifications.email")).isFalse();
        assertThat(flags.adminPost("/flags/notifications.email/clear-override", "").text("detail"))
                .isEqualTo("no override is set for flag \"notifications.email\" (nor does the flags file define it)");
    }

    @Test
    void aFileWithABadTypeIsRefusedTheLastGoodStaysActiveAndTheProblemShowsUntilAGoodFileReplacesIt()
            throws Exception {
        String version = flags.flags().get("configVersion").asText();
        String bad = shipped.replace(EMAIL_ON, "  notifications.email:\n    enabled: sometimes\n");
        int line = lineOf(bad, "enabled: sometimes");

        flags.writeFlags(bad);

        JsonNode error = awaitLastError();
        assertThat(error.get("problems").get(0).asText())
                .startsWith(flags.flagsFile + ":" + line + ": flags.notifications.email.enabled: ");
        assertThat(flags.flags().get("configVersion").asText()).isEqualTo(version);
        assertThat(flags.flag("notifications.email").get("effective").asBoolean()).isTrue();

        flags.writeFlags(shipped.replace(EMAIL_ON, "  notifications.email:\n    enabled: false\n"));

        await("error cleared").atMost(Servers.DEADLINE).until(() -> flags.flags().at("/reload/lastError").isNull());
        assertThat(flags.flag("notifications.email").get("effective").asBoolean()).isFalse();
    }

    @Test
    void aJavaTypeTagInTheWatchedFileIsRefusedLikeAnyOtherBadFile() throws Exception {
        String version = flags.flags().get("configVersion").asText();
        String tagged = shipped.replace("description: Sending reminder and digest emails",
                "description: !!java.lang.Runtime [exec]");

        flags.writeFlags(tagged);

        JsonNode error = awaitLastError();
        assertThat(error.get("problems").get(0).asText()).startsWith(flags.flagsFile + ":"
                + lineOf(tagged, "!!java.lang.Runtime") + ": flags.notifications.email.description: tag \"!!java.lang.Runtime\"");
        assertThat(flags.flags().get("configVersion").asText()).isEqualTo(version);
    }

    @Test
    void anAliasBombInTheWatchedFileIsRefusedWithoutExpandingIt() throws Exception {
        String version = flags.flags().get("configVersion").asText();
        StringBuilder bomb = new StringBuilder("lol: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            bomb.append(c).append(": &").append(c).append(" [")
                    .append(("*" + (char) (c - 1) + ", ").repeat(8)).append('*').append((char) (c - 1)).append("]\n");
        }

        flags.writeFlags(shipped + bomb);

        JsonNode error = awaitLastError();
        assertThat(error.get("problems").get(0).asText())
                .isEqualTo(flags.flagsFile + ":" + lineOf(shipped + bomb, "lol: &a") + ": lol: anchor \"&a\" is not allowed: "
                        + "anchors and aliases are not supported; write each value out in full");
        assertThat(flags.flags().get("configVersion").asText()).isEqualTo(version);
        assertThat(flags.flags().get("flags")).hasSize(9);
    }

    private JsonNode awaitLastError() {
        await("the refusal shows at the endpoint").atMost(Servers.DEADLINE)
                .until(() -> !flags.flags().at("/reload/lastError").isNull());
        return flags.flags().at("/reload/lastError");
    }

    private static int lineOf(String text, String needle) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line with " + needle);
    }
}
