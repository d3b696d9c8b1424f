package dev.dreamnet.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dreamnet.core.flags.Mode;
import dev.dreamnet.runtime.DreamNet;
import dev.dreamnet.runtime.audit.AuditEntry;
import dev.dreamnet.spring.autoconfigure.reactive.ReactiveApp;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The {@code dreamnet} endpoint in a Spring WebFlux application guarded by DreamNet's tokens, through a real HTTP
 * client on Netty: reads need the read token, writes the admin token, the token is checked before a write's body is
 * read, the body is held to 16 KiB with or without its length, a malformed body is refused naming the field, and the
 * audit log names the actor the request gave. Actuator hands a reactive operation no request headers, so before
 * {@link DreamNetReactiveEndpoint} every guarded operation was refused here, with the right token too.
 */
@SpringBootTest(classes = ReactiveApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dreamnet.database=jdbc:h2:mem:reactive_tokens_${random.uuid};DB_CLOSE_DELAY=-1",
        "spring.main.web-application-type=reactive",
        "dreamnet.flags=src/test/resources/test-flags.yaml",
        "dreamnet.tokens.admin=admin-secret",
        "dreamnet.tokens.read=read-secret",
        "management.endpoints.web.exposure.include=health,dreamnet"})
class WebFluxEndpointTest {

    private static final String BROWNOUT = "/actuator/dreamnet/modes/brownout";

    @LocalServerPort
    int port;
    @Autowired
    DreamNet dreamnet;
    private Http http;

    @BeforeEach
    void ready() {
        http = new Http(port);
        await().atMost(Duration.ofSeconds(10)).until(() -> dreamnet.state().readiness().ready());
    }

    @AfterEach
    void normal() throws Exception {
        http.post(BROWNOUT, "{\"enabled\": false, \"reason\": \"test over\"}", "admin-secret");
    }

    @Test
    void theConsoleIsServedUnderTheEndpoint() throws Exception {
        ConsoleChecks.assertServed(http::get, "/actuator/dreamnet", "omit");
    }

    @Test
    void readsNeedAReadOrAdminToken() throws Exception {
        assertThat(http.get("/actuator/dreamnet").statusCode()).isEqualTo(401);
        assertThat(http.get("/actuator/dreamnet/flags", "wrong").statusCode()).isEqualTo(401);

        HttpResponse<String> read = http.get("/actuator/dreamnet/flags", "read-secret");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"mode\":\"NORMAL\"", "recommendations");
        assertThat(http.get("/actuator/dreamnet", "admin-secret").statusCode()).isEqualTo(200);
        assertThat(http.get("/actuator/health/readiness").statusCode()).as("probes stay open").isEqualTo(200);
    }

    @Test
    void aWriteWithNoBodyAndNoContentTypeIsTakenAsAnEmptyJsonBody() throws Exception {
        // Bug: WebFlux answered a bare 415 to POST .../overload/unpin with no body (curl -X POST), whose body is optional.
        HttpResponse<String> unpinned = http.postNothing("/actuator/dreamnet/overload/unpin", "admin-secret");

        assertThat(unpinned.statusCode()).as(unpinned.body()).isEqualTo(200);
        assertThat(unpinned.body()).contains("\"pinnedBy\":null");
        HttpResponse<String> unsaid = http.postNothing(BROWNOUT, "admin-secret");
        assertThat(unsaid.statusCode()).as("a mode still needs its fields").isEqualTo(400);
        assertThat(unsaid.body()).contains("enabled");
    }

    @Test
    void anAdminTokenTurnsBrownoutOnAndTheAuditLogNamesTheActorTheRequestGave() throws Exception {
        HttpResponse<String> on = send(HttpRequest.newBuilder(url(BROWNOUT))
                .header("Content-Type", "application/json").header("Authorization", "Bearer admin-secret")
                .header("X-Dreamnet-Actor", "alice@oncall")
                .POST(HttpRequest.BodyPublishers.ofString("{\"enabled\": true, \"reason\": \"db saturated\"}")));

        assertThat(on.statusCode()).as(on.body()).isEqualTo(200);
        assertThat(dreamnet.flags().snapshot().state().mode()).isEqualTo(Mode.BROWNOUT);
        AuditEntry entry = dreamnet.audit().recent(1).get(0);
        assertThat(entry.actor()).isEqualTo("alice@oncall");
        assertThat(entry.reason()).isEqualTo("db saturated");
        assertThat(dreamnet.flags().allows("recommendations")).as("shed at brownout").isFalse();
    }

    @Test
    void aWriteIsRefusedForItsTokenBeforeItsBodyIsRead() throws Exception {
        String big = "{\"enabled\": true, \"reason\": \"" + "x".repeat(1_000_000) + "\"}";

        HttpResponse<String> anonymous = http.post(BROWNOUT, big, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).contains("\"error\":\"not authenticated\"");
        assertThat(http.post(BROWNOUT, "{\"enabled\": \"maybe\"}", null).statusCode())
                .as("a bad body without a token is refused for the token, not parsed").isEqualTo(401);
        HttpResponse<String> reader = http.post("/actuator/%64reamnet/modes/brownout", big, "read-secret");
        assertThat(reader.statusCode()).as("a percent-encoded path is the same endpoint").isEqualTo(403);
        assertThat(reader.body()).contains("may read but not change");
        assertThat(http.delete("/actuator/dreamnet/overrides/recommendations", "read-secret").statusCode())
                .as("a delete is a write").isEqualTo(403);
        assertThat(dreamnet.flags().snapshot().state().mode()).isEqualTo(Mode.NORMAL);
    }

    @Test
    void aWritesBodyIsHeldToSixteenKibibytesWithOrWithoutItsLength() throws Exception {
        String big = "{\"enabled\": true, \"reason\": \"" + "x".repeat(1_000_000) + "\"}";

        HttpResponse<String> sized = http.post(BROWNOUT, big, "admin-secret");
        assertThat(sized.statusCode()).isEqualTo(413);
        assertThat(sized.body()).contains("body too large", String.valueOf(EndpointRules.MAX_BODY));

        HttpResponse<String> unsized = send(HttpRequest.newBuilder(url(BROWNOUT))
                .header("Content-Type", "application/json").header("Authorization", "Bearer admin-secret")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() ->
                        new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))));
        assertThat(unsized.statusCode()).as("a body sent without its length is held to the limit").isEqualTo(413);
        assertThat(unsized.body()).contains("this one is longer");
        assertThat(dreamnet.flags().snapshot().state().mode()).isEqualTo(Mode.NORMAL);
        assertThat(http.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    }

    @Test
    void aMalformedBodyIsRefusedNamingWhatIsWrong() throws Exception {
        HttpResponse<String> unknown = http.post(BROWNOUT, "{\"enabled\": true, \"raeson\": \"typo\"}",
                "admin-secret");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("unknown field \\\"raeson\\\"", "enabled, reason");

        HttpResponse<String> array = http.post(BROWNOUT, "[true]", "admin-secret");
        assertThat(array.statusCode()).isEqualTo(400);
        assertThat(array.body()).contains("must be a JSON object");

        HttpResponse<String> noReason = http.post(BROWNOUT, "{\"enabled\": true}", "admin-secret");
        assertThat(noReason.statusCode()).as("the operation's own check still runs").isEqualTo(400);
        assertThat(noReason.body()).contains("reason");
        assertThat(dreamnet.flags().snapshot().state().mode()).isEqualTo(Mode.NORMAL);
    }

    @Test
    void aFlagOverrideIsSetAndClearedWithItsReason() throws Exception {
        HttpResponse<String> off = http.post("/actuator/dreamnet/overrides/recommendations",
                "{\"enabled\": false, \"reason\": \"bad ranking\"}", "admin-secret");
        assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
        assertThat(dreamnet.flags().allows("recommendations")).isFalse();

        HttpResponse<String> cleared = http.delete("/actuator/dreamnet/overrides/recommendations?reason=fixed",
                "admin-secret");
        assertThat(cleared.statusCode()).as(cleared.body()).isEqualTo(200);
        assertThat(dreamnet.flags().allows("recommendations")).isTrue();
        assertThat(dreamnet.audit().recent(1).get(0).reason()).isEqualTo("fixed");
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
