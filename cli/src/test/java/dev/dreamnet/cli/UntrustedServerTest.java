package dev.dreamnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The CLI against something that is not a well-behaved DreamNet server (an ingress that redirects, a wrong port that
 * streams, a server that names things with escape sequences): it says so in one line, never reports success, never
 * runs out of memory, and never lets the answer drive the operator's terminal.
 */
class UntrustedServerTest {

    private ScriptedServer server;

    private String serve(int status, String location, byte[] body) throws IOException {
        server = ScriptedServer.answering(status, location, body);
        return server.url();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aRedirectIsAFailureThatSaysWhere() throws Exception {
        String url = serve(302, "https://dreamnet.example/", new byte[0]);

        Cli cli = Cli.run("brownout", "on", "--reason", "INC-5", "--url", url, "--token", "t");

        assertThat(cli.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(cli.err()).contains("answered 302, a redirect to https://dreamnet.example/",
                "so nothing was done");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void anAnswerTooLargeForDreamNetIsRefusedWithoutReadingItAll() throws Exception {
        byte[] huge = new byte[ApiClient.MAX_BODY + 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        String url = serve(200, null, huge);

        Cli cli = Cli.run("breakers", "--url", url);

        assertThat(cli.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(cli.err()).contains("answered with more than 8 MiB: is --url pointing at a DreamNet server?");
    }

    @Test
    void escapeSequencesInAnAnswerArePrintedVisiblyNotObeyed() throws Exception {
        String body = "{\"breakers\": [{\"name\": \"\\u001b[2Jprovider\", \"state\": \"OPEN\\nforged\"}]}";
        String url = serve(200, null, body.getBytes(StandardCharsets.UTF_8));

        Cli cli = Cli.run("breakers", "--url", url);

        assertThat(cli.out()).doesNotContain("\u001b").contains("\\u001B[2Jprovider").contains("OPEN\\u000Aforged");
    }
}
