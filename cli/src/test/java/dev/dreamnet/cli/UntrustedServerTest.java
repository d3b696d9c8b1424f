package dev.dreamnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CLI against something that is not a well-behaved DreamNet server (an ingress that redirects, a wrong port that
 * streams, another server's 200 or 404, a server that names things with escape sequences): it says so in one line,
 * never reports success, never runs out of memory, and never lets the answer drive the operator's terminal.
 */
class UntrustedServerTest {

    /** Other servers' 200s: an empty object, no body, an array, an object with one of DreamNet's fields. */
    private static List<ScriptedServer> otherServers;

    private ScriptedServer server;

    @BeforeAll
    static void startOtherServers() throws IOException {
        otherServers = new ArrayList<>();
        for (String body : List.of("{}", "", "[1]", "{\"state\": {}}")) {
            otherServers.add(ScriptedServer.answering(200, body));
        }
    }

    @AfterAll
    static void stopOtherServers() {
        otherServers.forEach(ScriptedServer::close);
    }

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

    /** Every command that talks to a server, with the arguments it needs. */
    static Stream<List<String>> everyClientCommand() {
        return Stream.of(List.of("status"), List.of("top", "--iterations", "1"), List.of("breakers"),
                List.of("breaker", "reset", "db"), List.of("flags"), List.of("brownout", "on", "--reason", "x"),
                List.of("safe-mode", "off"), List.of("flag", "f", "off"), List.of("flag", "f", "clear"),
                List.of("agent", "quarantine", "a"), List.of("rollouts"), List.of("rollout", "status", "r"),
                List.of("rollout", "start", "r", "--reason", "x"), List.of("rollout", "promote", "r"),
                List.of("overload"), List.of("overload", "pin"), List.of("slo"), List.of("fleet"), List.of("audit"),
                List.of("queues"), List.of("queues", "--dead-letters", "q"));
    }

    /** Regression: any 200 with {} or no body passed for DreamNet's answer: brownout on printed "mode , ..." and exit 0. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("everyClientCommand")
    void aSuccessThatIsNotTheDocumentTheCommandReadsIsAFailure(List<String> command) {
        for (ScriptedServer other : otherServers) {
            List<String> args = new ArrayList<>(command);
            args.addAll(List.of("--url", other.url(), "--token", "t"));

            Cli cli = Cli.run(args.toArray(String[]::new));

            assertThat(cli.exitCode()).as(cli.err()).isEqualTo(ExitCodes.UNAVAILABLE);
            assertThat(cli.err()).matches("dreamnet: (GET|POST) " + Pattern.quote(other.url())
                    + "/api/\\S+ answered 200 (without \"[a-zA-Z]+\"(, \"[a-zA-Z]+\")*|with an empty body"
                    + "|with JSON that is not an object): is --url pointing at a DreamNet server\\?\\R");
            assertThat(cli.out()).isEmpty();
        }
    }

    @Test
    void aSuccessWithoutTheFieldsNamesTheRequestAndTheMissingFields() throws Exception {
        String url = serve(200, null, "{}".getBytes(StandardCharsets.UTF_8));

        Cli brownout = Cli.run("brownout", "on", "--reason", "x", "--url", url, "--token", "t");
        Cli rollouts = Cli.run("rollouts", "--url", url + "/actuator");

        assertThat(brownout.err()).isEqualTo("dreamnet: POST " + url + "/api/integration-flags/brownout/enable "
                + "answered 200 without \"state\", \"flags\": is --url pointing at a DreamNet server?"
                + System.lineSeparator());
        assertThat(rollouts.err()).isEqualTo("dreamnet: GET " + url + "/actuator/dreamnet/rollouts answered 200 "
                + "without \"rollouts\": is --url pointing at a DreamNet server?" + System.lineSeparator());
        assertThat(rollouts.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
    }
}
