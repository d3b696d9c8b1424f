package dev.dreamnet.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.runtime.DreamNet;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a Spring Security application's {@code dreamnet} endpoint does, under Spring MVC
 * ({@link SpringSecurityEndpointTest}) and Spring WebFlux ({@link SpringSecurityWebFluxEndpointTest}) alike: the
 * application's security decides who may use it, the audit log names its principal, DreamNet's tokens open nothing, and
 * a chain that permits the endpoint to anyone still does not open its writes to anyone. Each subclass runs an
 * application with an {@code ops} user who may change DreamNet, a {@code dev} user who may only read, the admin token
 * {@code admin-secret} configured, and overrides permitted to anyone.
 */
abstract class SecuredEndpointChecks {

    private static final String BROWNOUT = "/actuator/dreamnet/modes/brownout";
    private static final String ON = "{\"enabled\": true, \"reason\": \"secured test\"}";
    private static final String OFF = "{\"enabled\": false, \"reason\": \"secured test done\"}";

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    @LocalServerPort
    int port;
    @Autowired
    DreamNet dreamnet;

    @Test
    void theApplicationsSecurityDecidesAndTheAuditNamesItsPrincipal() throws Exception {
        assertThat(post(BROWNOUT, ON, null).statusCode()).as("anonymous").isEqualTo(401);
        assertThat(post(BROWNOUT, ON, "Bearer admin-secret").statusCode()).as("DreamNet's token opens nothing here")
                .isEqualTo(401);
        assertThat(post(BROWNOUT, ON, basic("dev", "dev-pass")).statusCode()).as("a reader").isEqualTo(403);
        assertThat(get("/actuator/dreamnet/flags", basic("dev", "dev-pass")).statusCode()).isEqualTo(200);

        HttpResponse<String> changed = post(BROWNOUT, ON, basic("ops", "ops-pass"));

        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).contains("\"mode\":\"BROWNOUT\"");
        assertThat(dreamnet.audit().recent(5)).anySatisfy(entry -> {
            assertThat(entry.actor()).isEqualTo("ops");
            assertThat(entry.reason()).isEqualTo("secured test");
        });
        assertThat(post(BROWNOUT, OFF, basic("ops", "ops-pass")).statusCode()).isEqualTo(200);
    }

    @Test
    void aChainThatPermitsTheEndpointToAnyoneDoesNotOpenItsWrites() throws Exception {
        HttpResponse<String> careless = post("/actuator/dreamnet/overrides/recommendations", "{\"enabled\": false}",
                null);

        assertThat(careless.statusCode()).isEqualTo(401);
        assertThat(careless.body()).contains("a write needs an authenticated user");
        assertThat(dreamnet.flags().snapshot().state().overrides()).doesNotContainKey("recommendations");
    }

    @Test
    void aQueryStringCannotTakeAWriteOrAReadPastTheChainsRuleForItsPath() throws Exception {
        // Bug: the actuator hands query parameters to the operation over the path's selectors, so a user the chain
        // lets write overrides set EMERGENCY with POST .../overrides/recommendations?part=modes&name=emergency.
        HttpResponse<String> write = post("/actuator/dreamnet/overrides/recommendations?part=modes&name=emergency",
                "{\"enabled\": true, \"reason\": \"query\"}", basic("dev", "dev-pass"));
        HttpResponse<String> read = get("/actuator/dreamnet/flags?part=audit", basic("dev", "dev-pass"));

        assertThat(write.statusCode()).isEqualTo(400);
        assertThat(write.body()).contains("unknown query parameter \\\"part\\\"");
        assertThat(dreamnet.flags().snapshot().state().mode().name()).isEqualTo("NORMAL");
        assertThat(dreamnet.flags().snapshot().state().overrides()).doesNotContainKey("recommendations");
        assertThat(read.statusCode()).isEqualTo(400);
        assertThat(get("/actuator/dreamnet/audit?limit=5", basic("dev", "dev-pass")).statusCode()).isEqualTo(200);
    }

    @Test
    void theConsoleIsBehindTheChainsRuleForTheEndpointAndCallsItWithTheBrowsersCredentials() throws Exception {
        assertThat(get("/actuator/dreamnet/console", null).statusCode()).as("anonymous").isEqualTo(401);

        ConsoleChecks.assertServed(path -> get(path, basic("dev", "dev-pass")), "/actuator/dreamnet", "same-origin");
    }

    private HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
        return client.send(request(path, authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json, String authorization)
            throws IOException, InterruptedException {
        return client.send(request(path, authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
