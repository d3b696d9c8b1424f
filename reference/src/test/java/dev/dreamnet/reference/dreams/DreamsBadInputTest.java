package dev.dreamnet.reference.dreams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.reference.DreamnetServer;
import dev.dreamnet.reference.support.GraphJson;
import dev.dreamnet.reference.support.Http;
import dev.dreamnet.reference.support.Reply;
import dev.dreamnet.reference.support.Servers;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of bad request gets a 4xx with a JSON error naming the culprit: never a 500, never a stack trace. */
class DreamsBadInputTest {

    @TempDir
    static Path dir;

    private static DreamnetServer server;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        server = Servers.start(dir, GraphJson.reference());
        http = new Http(server.port());
        Servers.awaitReady(http);
    }

    @AfterAll
    static void stop() {
        server.shutdown();
    }

    static Stream<Arguments> badPosts() {
        return Stream.of(
                post("empty body", "", "request body is empty"),
                post("not JSON", "{title: dream", "body is not valid JSON: line 1, column 2"),
                post("JSON array", "[{\"title\": \"a\"}]", "body must be a JSON object"),
                post("JSON null", "null", "body must be a JSON object"),
                post("missing title", "{\"body\": \"no title\"}", "title is required"),
                post("title not a string", "{\"title\": 42}", "title must be a string"),
                post("title null", "{\"title\": null}", "title is required"),
                post("blank title", "{\"title\": \"  \\t \"}", "title must not be blank"),
                post("title of 201 characters", "{\"title\": \"" + "t".repeat(201) + "\"}",
                        "title must be at most 200 characters, was 201"),
                post("unknown field", "{\"title\": \"a\", \"mood\": \"calm\"}", "unknown field \"mood\""),
                post("body not a string", "{\"title\": \"a\", \"body\": [\"b\"]}", "body must be a string"),
                post("body too long", "{\"title\": \"a\", \"body\": \"" + "b".repeat(4001) + "\"}",
                        "body must be at most 4000 characters, was 4001"),
                post("duplicate keys", "{\"title\": \"a\", \"title\": \"b\"}", "title"),
                post("deeply nested JSON", "{\"title\": " + "[".repeat(5000) + "]".repeat(5000) + "}",
                        "nesting depth"),
                // Regression: a second value after the object was silently ignored and the dream created.
                post("trailing garbage", "{\"title\": \"a\"} x", "body is not valid JSON"),
                post("two objects", "{\"title\": \"a\"} {\"title\": \"b\"}", "body is not valid JSON"));
    }

    static Stream<Arguments> badQueries() {
        return Stream.of(
                get("limit=0", "/api/dreams?limit=0", "limit must be a whole number from 1 to 500, was \"0\""),
                get("limit=abc", "/api/dreams?limit=abc", "limit must be a whole number from 1 to 500, was \"abc\""),
                get("limit=501", "/api/dreams?limit=501", "limit must be a whole number from 1 to 500, was \"501\""),
                get("limit=-1", "/api/dreams?limit=-1", "limit must be a whole number"),
                get("before=0", "/api/dreams?before=0", "before must be a whole number"),
                get("id=abc", "/api/dreams/abc", "id must be a whole number from 1 to"),
                get("id=-1", "/api/dreams/-1", "id must be a whole number from 1 to"),
                get("id=0", "/api/dreams/0", "id must be a whole number from 1 to"),
                get("id of 20 digits", "/api/dreams/99999999999999999999", "id must be a whole number from 1 to"),
                get("id of 1000 digits", "/api/dreams/" + "9".repeat(1000), "id must be a whole number from 1 to"));
    }

    @ParameterizedTest(name = "POST {0} -> 400")
    @MethodSource("badPosts")
    void badBodiesAre400NamingTheProblem(String name, String body, String detail) {
        assertCleanError(http.post("/api/dreams", body), 400, "bad request", detail);
    }

    @ParameterizedTest(name = "GET {0} -> 400")
    @MethodSource("badQueries")
    void badParametersAre400NamingTheParameter(String name, String path, String detail) {
        assertCleanError(http.get(path), 400, "bad request", detail);
    }

    // Regression: an unknown route answered {"error": "request refused"} instead of "not found".
    @Test
    void anUnknownRouteIs404Json() {
        assertCleanError(http.get("/api/nightmares"), 404, "not found", "/api/nightmares");
    }

    // Regression: a method the path does not take answered 404 as if the path did not exist.
    @Test
    void anUnsupportedMethodOnAKnownPathIs405JsonWithAllow() {
        Reply reply = http.post("/api/dreams/1", "{}");

        assertCleanError(reply, 405, "method not allowed", "POST is not allowed on /api/dreams/1; allowed: GET");
        assertThat(reply.header("Allow")).isEqualTo("GET");
    }

    @Test
    void aBodyOverOneMegabyteIs413Json() {
        byte[] twoMegabytes = ("{\"title\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}").getBytes();

        Reply reply = http.post("/api/dreams", twoMegabytes);

        assertCleanError(reply, 413, "payload too large", "");
    }

    @Test
    void afterAllThatTheServiceStillServes() {
        assertThat(http.post("/api/dreams", "{\"title\": \"unbothered\"}").status()).isEqualTo(201);
        assertThat(server.inFlight()).isZero();
    }

    private static void assertCleanError(Reply reply, int status, String error, String detail) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.json().fieldNames()).toIterable().containsExactlyInAnyOrder("error", "detail");
        assertThat(reply.text("error")).isEqualTo(error);
        assertThat(reply.text("detail")).contains(detail);
        assertThat(reply.body()).doesNotContain("Exception", "\tat ", "at dev.dreamnet", "at com.fasterxml");
    }

    private static Arguments post(String name, String body, String detail) {
        return Arguments.of(name, body, detail);
    }

    private static Arguments get(String name, String path, String detail) {
        return Arguments.of(name, path, detail);
    }
}
