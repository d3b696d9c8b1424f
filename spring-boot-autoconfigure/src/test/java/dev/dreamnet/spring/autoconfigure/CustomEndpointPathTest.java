package dev.dreamnet.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.core.flags.Mode;
import dev.dreamnet.runtime.DreamNet;
import dev.dreamnet.spring.autoconfigure.app.TestApp;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The endpoint where the application moved the actuator ({@code management.endpoints.web.base-path=/ops}) and renamed
 * the endpoint ({@code management.endpoints.web.path-mapping.dreamnet=dn}): its guard and its console follow it to
 * {@code /ops/dn}, and the page calls the endpoint there.
 */
@SpringBootTest(classes = TestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dreamnet.database=jdbc:h2:mem:custom_path_${random.uuid};DB_CLOSE_DELAY=-1",
        "dreamnet.resilience=src/test/resources/test-resilience.yaml",
        "dreamnet.tokens.admin=admin-secret",
        "management.endpoints.web.base-path=/ops",
        "management.endpoints.web.path-mapping.dreamnet=dn",
        "management.endpoints.web.exposure.include=health,dreamnet"})
class CustomEndpointPathTest {

    private static final String BROWNOUT = "/ops/dn/modes/brownout";

    @LocalServerPort
    int port;
    @Autowired
    DreamNet dreamnet;

    @AfterEach
    void normal() throws Exception {
        new Http(port).post(BROWNOUT, "{\"enabled\": false, \"reason\": \"test over\"}", "admin-secret");
    }

    @Test
    void theGuardAndTheConsoleFollowTheEndpointWhereTheApplicationPutIt() throws Exception {
        Http http = new Http(port);

        assertThat(http.post(BROWNOUT, "{\"enabled\": true, \"reason\": \"load\"}", null).statusCode()).isEqualTo(401);
        HttpResponse<String> query = http.post(BROWNOUT + "?name=emergency", "{\"enabled\": true, \"reason\": \"x\"}",
                "admin-secret");
        assertThat(query.statusCode()).isEqualTo(400);
        assertThat(dreamnet.flags().snapshot().state().mode()).isEqualTo(Mode.NORMAL);
        ConsoleChecks.assertServed(http::get, "/ops/dn", "omit");

        HttpResponse<String> on = http.post(BROWNOUT, "{\"enabled\": true, \"reason\": \"load\"}", "admin-secret");
        assertThat(on.statusCode()).as(on.body()).isEqualTo(200);
        assertThat(dreamnet.flags().snapshot().state().mode()).isEqualTo(Mode.BROWNOUT);
    }
}
