package dev.dreamnet.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.core.flags.Mode;
import dev.dreamnet.runtime.DreamNet;
import dev.dreamnet.spring.autoconfigure.app.TestApp;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The actuator on a port of its own ({@code management.server.port}), as Kubernetes deployments often run it: the
 * {@code dreamnet} endpoint's writes there are checked before their body is read, as on the application's port.
 * Regression: Spring Boot serves that port from a child context that runs none of the application's servlet filters,
 * so a write there without a token was refused only after Spring MVC had read and parsed a body of any size, and a
 * field the operation does not take was ignored.
 */
@SpringBootTest(classes = TestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dreamnet.resilience=src/test/resources/test-resilience.yaml",
        "dreamnet.tokens.admin=admin-secret",
        "dreamnet.tokens.read=read-secret",
        "management.server.port=0",
        "management.endpoints.web.exposure.include=health,dreamnet"})
class ManagementPortTest {

    private static final String BROWNOUT = "/actuator/dreamnet/modes/brownout";

    @LocalManagementPort
    int management;
    @Autowired
    DreamNet dreamnet;

    @LocalServerPort
    int application;

    @Test
    void theEndpointsWritesAreGuardedOnTheManagementPort() throws Exception {
        assertGuarded(new Http(management), dreamnet);
    }

    @Test
    void theConsoleIsServedOnTheManagementPortBesideTheEndpointAndNotOnTheApplicationsPort() throws Exception {
        ConsoleChecks.assertServed(new Http(management)::get, "/actuator/dreamnet", "omit");
        HttpResponse<String> elsewhere = new Http(application).get("/actuator/dreamnet/console");
        assertThat(elsewhere.statusCode()).as("an application path there, met by the traffic gate until ready")
                .isNotEqualTo(200);
        assertThat(elsewhere.body()).doesNotContain("DreamNet console");
    }

    /** The guard's answers on {@code http}'s port, then a write that passes it. */
    static void assertGuarded(Http http, DreamNet dreamnet) throws Exception {
        String big = "{\"enabled\": true, \"reason\": \"" + "x".repeat(1_000_000) + "\"}";
        assertThat(http.post(BROWNOUT, big, null).statusCode()).isEqualTo(401);
        HttpResponse<String> tooLarge = http.post(BROWNOUT, big, "admin-secret");
        assertThat(tooLarge.statusCode()).as("before the operation reads it").isEqualTo(413);
        assertThat(tooLarge.body()).contains("body too large");
        HttpResponse<String> unknown = http.post(BROWNOUT, "{\"enabled\": true, \"raeson\": \"x\"}", "admin-secret");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("unknown field \\\"raeson\\\"");
        assertThat(http.get("/actuator/dreamnet/flags", "read-secret").statusCode()).isEqualTo(200);

        HttpResponse<String> on = http.post(BROWNOUT, "{\"enabled\": true, \"reason\": \"load\"}", "admin-secret");
        assertThat(on.statusCode()).as(on.body()).isEqualTo(200);
        assertThat(dreamnet.flags().snapshot().state().mode()).isEqualTo(Mode.BROWNOUT);
    }
}
