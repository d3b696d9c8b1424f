package dev.dreamnet.reference.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.reference.DreamnetServer;
import dev.dreamnet.reference.support.GraphJson;
import dev.dreamnet.reference.support.Http;
import dev.dreamnet.reference.support.RawHttp;
import dev.dreamnet.reference.support.Reply;
import dev.dreamnet.reference.support.Servers;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Input the server used to accept or answer in the wrong shape: text that is not Unicode stored as {@code ?} or
 * U+FFFD, ids that are not ASCII digits read as numbers, HTML error pages from Jetty, Jackson's internals in error
 * details, and 404 for a wrong method.
 */
class BadRequestShapeTest {

    @TempDir
    static Path dir;

    private static DreamnetServer server;
    private static Http http;
    private static RawHttp raw;

    @BeforeAll
    static void start() throws Exception {
        server = Servers.start(dir, GraphJson.reference());
        http = new Http(server.port());
        raw = new RawHttp(server.port());
        Servers.awaitReady(http);
        assertThat(http.post("/api/dreams", "{\"title\": \"dream one\"}").status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        server.shutdown();
    }

    static Stream<Arguments> halfSurrogates() {
        return Stream.of(
                Arguments.of("{\"title\": \"\\ud800\"}", "title"),
                Arguments.of("{\"title\": \"a\", \"body\": \"x\\udc00y\"}", "body"),
                Arguments.of("{\"title\": \"\\udc00\\ud800\"}", "title"),
                Arguments.of("{\"title\": \"a\\ud83d\"}", "title"),
                Arguments.of("{\"title\": \"a\", \"body\": [\"ok\", {\"deep\": \"\\udfff\"}]}", "body[1].deep"));
    }

    @DisplayName("Regression: a lone surrogate (\"\\ud800\") was stored as '?' with a 201")
    @ParameterizedTest(name = "{0}")
    @MethodSource("halfSurrogates")
    void halfOfASurrogatePairIs400NamingTheField(String body, String field) {
        assertCleanError(http.post("/api/dreams", body), 400, "bad request",
                field + ": contains half of a UTF-16 surrogate pair");
    }

    @Test
    void halfOfASurrogatePairInAFieldNameIs400() {
        assertCleanError(http.post("/api/dreams", "{\"\\ud800\": \"a\"}"), 400, "bad request", "surrogate");
        assertCleanError(http.post("/api/dreams", "{\"\\udc00\": \"a\"}"), 400, "bad request", "surrogate");
    }

    @Test
    void aWholeSurrogatePairIsText() {
        Reply created = http.post("/api/dreams", "{\"title\": \"moon \\ud83c\\udf19\"}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.text("title")).isEqualTo("moon \uD83C\uDF19");
    }

    static Stream<Arguments> invalidUtf8() {
        return Stream.of(
                Arguments.of("a lone 0xFF", new byte[] {(byte) 0xFF}),
                Arguments.of("an overlong slash", new byte[] {(byte) 0xC0, (byte) 0xAF}),
                Arguments.of("a cut-off euro sign", new byte[] {(byte) 0xE2, (byte) 0x82}));
    }

    @DisplayName("Regression: invalid UTF-8 in a body was stored as U+FFFD with a 201")
    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidUtf8")
    void invalidUtf8Is400NamingTheField(String name, byte[] bad) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write("{\"title\": \"a".getBytes(StandardCharsets.UTF_8));
        body.write(bad);
        body.write("b\"}".getBytes(StandardCharsets.UTF_8));

        Reply reply = http.post("/api/dreams", body.toByteArray());

        assertCleanError(reply, 400, "bad request", "(in \"title\")");
        assertThat(reply.text("detail")).contains("UTF-8");
    }

    @DisplayName("Regression: /api/dreams/%201 and /api/dreams/%D9%A1 (Arabic-Indic one) read dream 1")
    @ParameterizedTest(name = "GET /api/dreams/{0}")
    @ValueSource(strings = {"%201", "1%20", "%D9%A1", "+1", "%EF%BC%91", "1.0", "0x1"})
    void anIdThatIsNotAsciiDigitsIs400(String id) {
        assertCleanError(raw.send("GET", "/api/dreams/" + id), 400, "bad request", "id must be a whole number");
    }

    @Test
    void aQueryNumberThatIsNotAsciiDigitsIs400() {
        assertCleanError(raw.send("GET", "/api/dreams?limit=%D9%A1"), 400, "bad request", "limit must be a whole number");
        assertCleanError(raw.send("GET", "/api/dreams?limit=%2010"), 400, "bad request", "limit must be a whole number");
    }

    /** Regression: {@code ?limit=%ZZ} was dropped silently and the list answered with the default limit. */
    @Test
    void aBrokenEscapeInTheQueryStringIs400() {
        String[][] cases = {{"?limit=%ZZ", "\\\"%ZZ\\\" at character 7"}, {"?limit=5%", "\\\"%\\\""}};
        for (String[] broken : cases) {
            String answer = raw.exchange("GET /api/dreams" + broken[0] + " HTTP/1.1\r\nHost: localhost");

            assertThat(answer).as(broken[0]).startsWith("HTTP/1.1 400 ")
                    .contains("{\"error\":\"bad request\",\"detail\":\"the query string has a broken %-escape " + broken[1]);
        }
        assertThat(raw.send("GET", "/api/dreams?limit=%35").status()).as("%35 is the digit 5").isEqualTo(200);
    }

    static Stream<Arguments> jacksonWordings() {
        return Stream.of(
                Arguments.of("{\"title\": \"a\", \"title\": \"b\"}", "field \"title\" appears more than once"),
                Arguments.of("{\"title\": {\"x\": 1, \"x\": 2}}", "field \"title.x\" appears more than once"),
                Arguments.of("{\"title\": \"a\"} {\"title\": \"b\"}", "line 1, column 16"),
                Arguments.of("{\"title\": " + "[".repeat(100) + "]".repeat(100) + "}", "nesting depth"),
                Arguments.of("{\"title\": " + "1".repeat(2000) + "}", "numbers of at most"),
                Arguments.of("{\"title\": NaN}", "line 1, column"),
                Arguments.of("{\"title\": \"a\" /* note */}", "line 1, column"),
                Arguments.of("{\"title\": \"a\"", "line 1, column"),
                Arguments.of("{\"title\": \"a\", }", "line 1, column"));
    }

    @DisplayName("Regression: error details named Jackson internals (ObjectNode, DeserializationFeature, StreamReadConstraints)")
    @ParameterizedTest(name = "{0}")
    @MethodSource("jacksonWordings")
    void bodyErrorsSpeakJsonNotJackson(String body, String detail) {
        assertCleanError(http.post("/api/dreams", body), 400, "bad request", detail);
    }

    @DisplayName("Regression: DELETE /api/dreams answered 404 instead of 405 with Allow")
    @Test
    void aWrongMethodIs405WithAllowAndJson() {
        Reply reply = raw.send("DELETE", "/api/dreams");

        assertCleanError(reply, 405, "method not allowed", "DELETE is not allowed on /api/dreams; allowed: GET, POST");
        assertThat(reply.header("Allow")).isEqualTo("GET, POST");
    }

    @DisplayName("Regression: a 20 KB URI got Jetty's HTML 414 page")
    @Test
    void aUriOverTheLimitIs414Json() {
        Reply reply = raw.send("GET", "/api/dreams?x=" + "a".repeat(20_000));

        assertCleanError(reply, 414, "uri too long", "the request URI is too long");
    }

    @DisplayName("Regression: a 20 KB header got Jetty's HTML 431 page")
    @Test
    void headersOverTheLimitAre431Json() {
        Reply reply = raw.send("GET", "/api/dreams", "X-Padding", "p".repeat(20_000));

        assertCleanError(reply, 431, "request header fields too large", "the request headers are too large");
    }

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {"/api/dreams/%ZZ", "/api/dreams/%FF", "/api/dreams/%00"})
    void aRequestJettyCannotReadIs400Json(String path) {
        String answer = raw.exchange("GET " + path + " HTTP/1.1\r\nHost: localhost");

        assertThat(answer).startsWith("HTTP/1.1 400 ");
        assertThat(answer).containsIgnoringCase("Content-Type: application/json");
        assertThat(answer).contains("{\"error\":\"bad request\",\"detail\":\"").doesNotContain("<html");
    }

    @Test
    void afterAllThatTheServiceStillServes() {
        assertThat(http.get("/api/dreams/1").status()).isEqualTo(200);
        assertThat(server.inFlight()).isZero();
    }

    static void assertCleanError(Reply reply, int status, String error, String detail) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.json().fieldNames()).toIterable().containsExactlyInAnyOrder("error", "detail");
        assertThat(reply.text("error")).isEqualTo(error);
        assertThat(reply.text("detail")).contains(detail);
        assertThat(reply.body()).doesNotContain("Exception", "\tat ", "com.fasterxml", "ObjectNode", "Feature",
                "StreamReadConstraints", "`", "[Source", "\\ufffd", "\uFFFD");
    }
}
