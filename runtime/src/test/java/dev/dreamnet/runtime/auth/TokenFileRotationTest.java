package dev.dreamnet.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.core.time.ManualScheduler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rotated token file takes effect on the next request, however coarse the file system's timestamps. */
class TokenFileRotationTest {

    @TempDir
    Path dir;
    private final ManualScheduler scheduler = new ManualScheduler();

    @Test
    void aRotationWithinOneTimestampTickIsStillSeen() throws Exception {
        // Regression: the file was re-read only when its modification time changed, so a rotation written within
        // the same timestamp tick (Linux stamps files at jiffy granularity) left the revoked token valid.
        Path file = Files.writeString(dir.resolve("admin-tokens"), "old-token-aaaa\n");
        FileTime written = Files.getLastModifiedTime(file);
        TokenSource tokens = tokensIn(file);
        assertThat(tokens.accepts("old-token-aaaa")).isTrue();

        Files.writeString(file, "new-token-bbbb\n");
        Files.setLastModifiedTime(file, written);

        assertThat(tokens.accepts("old-token-aaaa")).isFalse();
        assertThat(tokens.accepts("new-token-bbbb")).isTrue();
    }

    @Test
    void aRotationWithANewTimestampIsSeen() throws Exception {
        Path file = Files.writeString(dir.resolve("admin-tokens"), "# comment\nold-token-aaaa\n");
        TokenSource tokens = tokensIn(file);

        Files.writeString(file, "new-token-bbbb\n");
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5_000));

        assertThat(tokens.accepts("old-token-aaaa")).isFalse();
        assertThat(tokens.accepts("new-token-bbbb")).isTrue();
    }

    /** Deleting the token file silently kept its tokens valid until restart. */
    @Test
    void deletingTheFileRevokesItsTokens() throws Exception {
        Path file = Files.writeString(dir.resolve("admin-tokens"), "old-token-aaaa\n");
        TokenSource tokens = tokensIn(file);
        assertThat(tokens.accepts("old-token-aaaa")).isTrue();

        Files.delete(file);

        assertThat(tokens.accepts("old-token-aaaa")).isFalse();
        assertThat(tokens.configured()).as("still configured, so that what the tokens guarded stays closed").isTrue();
    }

    @Test
    void deletingTheFileLeavesTheEnvironmentsTokensValid() throws Exception {
        Path file = Files.writeString(dir.resolve("admin-tokens"), "file-token-aaaa\n");
        TokenSource tokens = new TokenSource("admin", Map.of("FILE", file.toString(), "TOKENS", "env-token-bbbb"),
                "TOKENS", "FILE", scheduler, scheduler);

        Files.delete(file);

        assertThat(tokens.accepts("file-token-aaaa")).isFalse();
        assertThat(tokens.accepts("env-token-bbbb")).isTrue();
    }

    @Test
    void aFileWrittenAgainAfterADeletionIsRead() throws Exception {
        Path file = Files.writeString(dir.resolve("admin-tokens"), "old-token-aaaa\n");
        TokenSource tokens = tokensIn(file);
        Files.delete(file);
        assertThat(tokens.accepts("old-token-aaaa")).isFalse();

        Files.writeString(file, "old-token-aaaa\n");

        assertThat(tokens.accepts("old-token-aaaa")).isTrue();
    }

    @Test
    void aFileThatCannotBeReadAtFirstCountsOnceItCanBe() throws Exception {
        Path file = Files.createDirectory(dir.resolve("admin-tokens"));
        TokenSource tokens = tokensIn(file);
        assertThat(tokens.configured()).isFalse();

        Files.delete(file);
        Files.writeString(file, "new-token-bbbb\n");

        assertThat(tokens.accepts("new-token-bbbb")).isTrue();
    }

    @Test
    void aTokenFileMissingAtStartIsWarnedAboutWithItsFullPath() {
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
                new ch.qos.logback.core.read.ListAppender<>();
        ch.qos.logback.classic.Logger logger =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(TokenSource.class);
        logs.start();
        logger.addAppender(logs);
        try {
            Path typo = dir.resolve("admin-tokns");
            TokenSource tokens = tokensIn(typo);

            assertThat(tokens.accepts("any-token")).isFalse();
            assertThat(logs.list).extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                    .containsOnlyOnce("admin tokens: " + typo.toAbsolutePath() + " does not exist; none of its tokens "
                            + "is valid until it does");
        } finally {
            logger.detachAppender(logs);
        }
    }

    private TokenSource tokensIn(Path file) {
        return new TokenSource("admin", Map.of("FILE", file.toString()), "TOKENS", "FILE", scheduler, scheduler);
    }
}
