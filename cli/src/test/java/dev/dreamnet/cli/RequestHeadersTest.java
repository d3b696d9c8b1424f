package dev.dreamnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The headers a client command builds from what the operator typed or exported, the bearer token and the actor: one
 * that cannot be sent as it is, or would be recorded as someone else, is a usage error naming where it came from,
 * before anything is sent; the token is never printed.
 */
class RequestHeadersTest {

    private ScriptedServer server;

    @BeforeEach
    void start() throws Exception {
        server = ScriptedServer.answering(200, ScriptedServer.flagsView("BROWNOUT"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Regression: a DREAMNET_TOKEN with a line break was printed whole: {@code invalid header value: "Bearer ..."}. */
    @Test
    void aTokenFromDreamnetTokenWithALineBreakIsRefusedWithoutPrintingIt() {
        Cli cli = Cli.run(Map.of("--token", "change-me\nX-Evil: 1"), "status", "--url", server.url());

        assertRefused(cli, "dreamnet: the token from DREAMNET_TOKEN contains a line break, which a bearer token in an "
                + "HTTP header cannot carry (the token is not shown); nothing was sent");
        assertThat(cli.err()).doesNotContain("change-me").doesNotContain("X-Evil");
    }

    @Test
    void aTokenGivenWithTokenIsNamedSoAndAnyControlOrNonAsciiCharacterIsRefused() {
        Cli escape = run("status", "--token", "secret\u001b[2J");
        Cli accent = run("status", "--token", "s\u00e9cret");

        assertRefused(escape, "dreamnet: the token from --token contains a control character, ");
        assertRefused(accent, "dreamnet: the token from --token contains a character outside ASCII, ");
        assertThat(escape.err() + accent.err()).doesNotContain("secret").doesNotContain("cret");
    }

    /** Regression: --actor 'Zoë' was recorded as "Zo" and --actor '日本' failed with {@code invalid header value}. */
    @Test
    void anActorWithALetterOutsideAsciiIsRefusedRatherThanRecordedAsSomeoneElse() {
        Cli zoe = run("brownout", "on", "--reason", "INC-1", "--token", "t", "--actor", "Zo\u00eb");
        Cli japanese = run("brownout", "on", "--reason", "INC-1", "--token", "t", "--actor", "\u65e5\u672c");

        assertRefused(zoe, "dreamnet: --actor \"Zo\u00eb\" has \"\u00eb\", which the audit log cannot record: use "
                + "ASCII letters, digits and @ . _ : + - (at most 100); nothing was sent");
        assertRefused(japanese, "dreamnet: --actor \"\u65e5\u672c\" has \"\u65e5\", which the audit log cannot "
                + "record: ");
    }

    @Test
    void anActorTheAuditLogWouldCutOrStripIsRefusedToo() {
        Cli space = run("brownout", "on", "--reason", "INC-1", "--token", "t", "--actor", "jane doe");
        Cli newline = run("brownout", "on", "--reason", "INC-1", "--token", "t", "--actor", "jane\nX-Evil: 1");
        Cli tooLong = run("brownout", "on", "--reason", "INC-1", "--token", "t", "--actor", "a".repeat(101));

        assertRefused(space, "dreamnet: --actor \"jane doe\" has \" \", which the audit log cannot record: ");
        assertRefused(newline, "dreamnet: --actor \"jane\\u000AX-Evil: 1\" has \"\\u000A\", ");
        assertRefused(tooLong, "dreamnet: --actor \"" + "a".repeat(101) + "\" is 101 characters long; the audit log "
                + "records at most 100 of ASCII letters, digits and @ . _ : + -; nothing was sent");
    }

    @Test
    void anActorTakenFromUserKeepsWhatTheAuditLogCanRecordRatherThanFailingEveryCommand() {
        Cli cli = Cli.run(Map.of("--actor", "CORP\\J\u00fcrgen"), "brownout", "on", "--reason", "INC-1", "--token",
                "t", "--url", server.url());

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(server.requests()).singleElement().satisfies(request ->
                assertThat(request.headers().getFirst("X-Dreamnet-Actor")).isEqualTo("CORPJrgen"));
    }

    @Test
    void aTokenAndAnActorThatFitAreSentAsTheyAre() {
        Cli cli = run("brownout", "on", "--reason", "INC-1", "--token", " t0k3n-._~+/= ", "--actor",
                "ops:carol.o-neil+oncall@example_1");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(server.requests()).singleElement().satisfies(request -> {
            assertThat(request.headers().getFirst("Authorization")).isEqualTo("Bearer t0k3n-._~+/=");
            assertThat(request.headers().getFirst("X-Dreamnet-Actor")).isEqualTo("ops:carol.o-neil+oncall@example_1");
        });
    }

    private Cli run(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--url";
        all[args.length + 1] = server.url();
        return Cli.run(all);
    }

    private void assertRefused(Cli cli, String errorStart) {
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).startsWith(errorStart);
        assertThat(cli.err().lines()).as("one line").hasSize(1);
        assertThat(cli.out()).isEmpty();
        assertThat(server.requests()).as("nothing sent").isEmpty();
    }
}
