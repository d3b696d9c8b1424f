package dev.dreamnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A flag, breaker, rollout, agent or queue named on the command line becomes one segment of the request's path: a
 * name no path segment can carry is a usage error naming the parameter, and nothing is sent.
 */
class PathNamesTest {

    private ScriptedServer server;

    @BeforeEach
    void start() throws Exception {
        server = ScriptedServer.answering(200, ScriptedServer.flagsView("NORMAL"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static Stream<List<String>> namesNoPathCanCarry() {
        return Stream.of(
                List.of("NAME", "../x", "flag", "../x", "off", "--reason", "x"),
                List.of("NAME", "..", "flag", "..", "off", "--reason", "x"),
                List.of("NAME", ".", "flag", ".", "on"),
                List.of("NAME", "", "flag", "", "clear"),
                List.of("NAME", "a\\b", "flag", "a\\b", "off"),
                List.of("NAME", "data\\u001B[2Jbase", "breaker", "reset", "data\u001b[2Jbase"),
                List.of("NAME", "../canary", "rollout", "promote", "../canary"),
                List.of("NAME", "citadel/..", "agent", "quarantine", "citadel/.."),
                List.of("--dead-letters", "a/b", "queues", "--dead-letters", "a/b"));
    }

    /** Regression: {@code flag ../x} went out as %2F (Tomcat: 400, not JSON) and {@code flag ..} as the root (404). */
    @ParameterizedTest
    @MethodSource("namesNoPathCanCarry")
    void aNameNoPathSegmentCanCarryIsAUsageErrorNamingTheParameter(List<String> example) {
        List<String> args = new java.util.ArrayList<>(example.subList(2, example.size()));
        args.addAll(List.of("--url", server.url(), "--token", "t"));

        Cli cli = Cli.run(args.toArray(String[]::new));

        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).isEqualTo("dreamnet: " + example.get(0) + " must not be empty, \".\" or \"..\", nor "
                + "contain /, \\ or a control character (it is one segment of a URL path), was \"" + example.get(1)
                + "\"; nothing was sent" + System.lineSeparator());
        assertThat(cli.out()).isEmpty();
        assertThat(server.requests()).as("nothing sent").isEmpty();
    }

    @Test
    void anyOtherNameIsSentAsOneEncodedSegment() {
        Cli cli = Cli.run("flag", "a b%.\u00e9", "off", "--url", server.url(), "--token", "t");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(server.requests()).singleElement().satisfies(request ->
                assertThat(request.path()).isEqualTo("/api/integration-flags/flags/a%20b%25.%C3%A9/override"));
    }
}
