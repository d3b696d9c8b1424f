package dev.dreamnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dreamnet.reference.DreamnetServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dreamnet keys rotate|retire} on the token file a live server re-reads: no downtime, old key refused after. */
class KeysCommandTest {

    private static final String GRAPH = "{\"services\": [{\"name\": \"database\", \"kind\": \"database\"},"
            + "{\"name\": \"api\", \"dependsOn\": [\"database\"]}]}";

    @TempDir
    static Path dir;

    private static Path tokens;
    private static DreamnetServer server;
    private static String url;

    @BeforeAll
    static void startServer() throws Exception {
        tokens = AdminTokenFile.create(dir.resolve("admin-tokens"), "# admin tokens", "first-token-7c1d");
        server = LiveServer.start(dir, GRAPH, Map.of("DREAMNET_ADMIN_TOKENS_FILE", tokens.toString()));
        url = LiveServer.url(server);
    }

    @AfterAll
    static void stopServer() {
        server.shutdown();
    }

    @Test
    void rotateKeepsTheOldTokenValidAndRetireRefusesIt() throws Exception {
        AdminTokenFile.create(tokens, "old-token-1");

        Cli rotate = Cli.run("keys", "rotate", "--file", tokens.toString());
        String fresh = rotate.out().trim();

        assertThat(rotate.exitCode()).as(rotate.err()).isZero();
        assertThat(fresh).matches("[A-Za-z0-9_-]{43}");
        assertThat(adminWrite("old-token-1").exitCode()).isZero();
        assertThat(adminWrite(fresh).exitCode()).isZero();

        Cli retire = Cli.run("keys", "retire", "--file", tokens.toString(), "--token", "old-token-1");

        assertThat(retire.out()).isEqualTo("retired 1 token(s); 1 valid token(s) left in " + tokens + "\n");
        assertThat(adminWrite("old-token-1").exitCode()).isEqualTo(4);
        assertThat(adminWrite(fresh).exitCode()).isZero();
    }

    @Test
    void theFileStaysOwnerOnlyAndKeepsItsComments() throws Exception {
        Path file = AdminTokenFile.create(dir.resolve("perm-tokens"), "# who: ops", "a-token");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        Cli rotate = Cli.run("keys", "rotate", "--file", file.toString(), "--json");

        JsonNode json = new ObjectMapper().readTree(rotate.out());
        assertThat(json.path("validTokens").asInt()).isEqualTo(2);
        assertThat(Files.readAllLines(file)).containsExactly("# who: ops", "a-token", json.path("token").asText());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void keepNewestRemovesEveryOlderToken() throws Exception {
        Path file = AdminTokenFile.create(dir.resolve("many-tokens"), "one", "# note", "two", "three");

        Cli retire = Cli.run("keys", "retire", "--file", file.toString(), "--keep-newest");

        assertThat(retire.exitCode()).isZero();
        assertThat(Files.readAllLines(file)).containsExactly("# note", "three");
    }

    @Test
    void retiringAnUnknownTokenExitsFiveWithoutEchoingIt() throws Exception {
        Path file = AdminTokenFile.create(dir.resolve("unknown-tokens"), "one", "two");

        Cli retire = Cli.run("keys", "retire", "--file", file.toString(), "--token", "secret-typo");

        assertThat(retire.exitCode()).isEqualTo(5);
        assertThat(retire.err()).isEqualTo("dreamnet: " + file + " does not hold that token (2 token(s) in it)\n");
        assertThat(Files.readAllLines(file)).containsExactly("one", "two");
    }

    @Test
    void retiringTheLastTokenIsRefused() throws Exception {
        Path file = AdminTokenFile.create(dir.resolve("last-token"), "only");

        Cli retire = Cli.run("keys", "retire", "--file", file.toString(), "--token", "only");

        assertThat(retire.exitCode()).isEqualTo(2);
        assertThat(retire.err()).startsWith("dreamnet: refusing to remove the last token in ");
    }

    @Test
    void rotatingAMisspeltPathIsRefusedAndCreatesNoFile() throws Exception {
        // The bug: a typo "rotated" into a new file the server never reads and printed a token that did not work.
        Path typo = dir.resolve("admin-tokns");

        Cli rotate = Cli.run("keys", "rotate", "--file", typo.toString());

        assertThat(rotate.exitCode()).isEqualTo(5);
        assertThat(rotate.out()).isEmpty();
        assertThat(rotate.err()).startsWith("dreamnet: " + typo + " does not exist; nothing rotated")
                .contains("--create").hasLineCount(1);
        assertThat(typo).doesNotExist();
    }

    @Test
    void retiringFromAMisspeltPathSaysTheFileDoesNotExist() {
        Path typo = dir.resolve("admin-tokns");

        Cli retire = Cli.run("keys", "retire", "--file", typo.toString(), "--keep-newest");

        assertThat(retire.exitCode()).isEqualTo(5);
        assertThat(retire.err()).isEqualTo("dreamnet: " + typo + " does not exist; nothing retired (check the path "
                + "the server reads, DREAMNET_ADMIN_TOKENS_FILE)" + System.lineSeparator());
        assertThat(typo).doesNotExist();
    }

    @Test
    void createStartsANewOwnerOnlyTokenFile() throws Exception {
        Path first = dir.resolve("first-tokens");

        Cli rotate = Cli.run("keys", "rotate", "--file", first.toString(), "--create", "--json");

        assertThat(rotate.exitCode()).as(rotate.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(rotate.out());
        assertThat(json.path("validTokens").asInt()).isEqualTo(1);
        assertThat(Files.readAllLines(first)).containsExactly(json.path("token").asText());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first))).isEqualTo("rw-------");
    }

    @Test
    void createOnAnExistingFileRotatesIt() throws Exception {
        Path file = AdminTokenFile.create(dir.resolve("existing-tokens"), "kept-token");

        Cli rotate = Cli.run("keys", "rotate", "--file", file.toString(), "--create");

        assertThat(rotate.exitCode()).as(rotate.err()).isZero();
        assertThat(Files.readAllLines(file)).containsExactly("kept-token", rotate.out().trim());
    }

    @Test
    void aFileInAMissingDirectoryExitsOneInOneLine() {
        Cli rotate = Cli.run("keys", "rotate", "--file", dir.resolve("no/such/dir/tokens").toString(), "--create");

        assertThat(rotate.exitCode()).isEqualTo(1);
        assertThat(rotate.err()).startsWith("dreamnet: ").contains("cannot update the token file").hasLineCount(1);
    }

    @Test
    void retireNeedsATokenOrKeepNewest() {
        Cli retire = Cli.run("keys", "retire", "--file", dir.resolve("x").toString());

        assertThat(retire.exitCode()).isEqualTo(2);
        assertThat(retire.err()).contains("--token", "--keep-newest").doesNotContain("Exception");
    }

    private static Cli adminWrite(String token) {
        return Cli.run("breaker", "reset", "provider", "--reason", "keys test", "--url", url, "--token", token);
    }
}
