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

    /** Regression: a Spring Boot application's URL without /actuator said only "server answered 404 Not Found". */
    @Test
    void aNotFoundFromSomethingElseNamesTheUrlAndWhereASpringBootApplicationHasTheApi() throws Exception {
        String url = serve(404, null, ("{\"timestamp\": \"2026-01-01T00:00:00.000+00:00\", \"status\": 404, "
                + "\"error\": \"Not Found\", \"path\": \"/api/observability/summary\"}").getBytes(StandardCharsets.UTF_8));

        Cli cli = Cli.run("status", "--url", url);

        assertThat(cli.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(cli.err()).isEqualTo("dreamnet: GET " + url + "/api/observability/summary answered 404, not from "
                + "DreamNet: for a Spring Boot application, --url ends in /actuator (e.g. " + url + "/actuator)"
                + System.lineSeparator());
    }

    @Test
    void aNotFoundAtAnActuatorAsksWhetherTheDreamnetEndpointIsExposed() throws Exception {
        String url = serve(404, null, "<html><body>Whitelabel Error Page</body></html>".getBytes(StandardCharsets.UTF_8));

        Cli cli = Cli.run("breakers", "--url", url + "/actuator");

        assertThat(cli.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(cli.err()).isEqualTo("dreamnet: GET " + url + "/actuator/dreamnet/breakers answered 404, not from "
                + "DreamNet: is DreamNet's starter there, with its dreamnet endpoint exposed "
                + "(management.endpoints.web.exposure.include=...,dreamnet)?" + System.lineSeparator());
    }

    @Test
    void anErrorThatIsNotJsonNamesTheRequest() throws Exception {
        String url = serve(400, null, "<html>Bad Request</html>".getBytes(StandardCharsets.UTF_8));

        Cli cli = Cli.run("breaker", "reset", "db", "--url", url, "--token", "t");

        assertThat(cli.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(cli.err()).isEqualTo("dreamnet: POST " + url + "/api/admin/breakers/db/reset answered 400 with a "
                + "body that is not JSON: is --url pointing at a DreamNet server?" + System.lineSeparator());
    }
}
