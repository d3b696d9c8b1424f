package dev.dreamnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The CLI against something that is not a well-behaved DreamNet server (an ingress that redirects, a wrong port that
 * streams, a server that names things with escape sequences): it says so in one line, never reports success, never
 * runs out of memory, and never lets the answer drive the operator's terminal.
 */
class UntrustedServerTest {

    private HttpServer server;

    private String serve(int status, String location, byte[] body) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            if (location != null) {
                exchange.getResponseHeaders().add("Location", location);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int at = 0; at < body.length; at += 1 << 20) {
                    out.write(body, at, Math.min(1 << 20, body.length - at));
                }
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
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
