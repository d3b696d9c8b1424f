package dev.dreamnet.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.runtime.DreamNet;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The operator console in a Spring MVC application, under {@code /actuator/dreamnet/console} and a servlet context
 * path, with read and admin tokens: served before the service is ready, and the reads it makes answered in the shapes
 * it renders. {@link EndpointConsoleBrowserTest} operates it in a browser.
 */
@ConsoleTestApplication
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndpointConsoleTest {

    private static final String API = "/shop/actuator/dreamnet";

    @LocalServerPort
    int port;
    @Autowired
    DreamNet dreamnet;

    @Test
    @Order(1)
    void thePageAndItsAssetsAreServedUnderTheContextPathBeforeTheServiceIsReady() throws Exception {
        assertThat(dreamnet.state().readiness().ready()).as("the payments gate is still closed").isFalse();

        ConsoleChecks.assertServed(new Http(port)::get, "/shop/actuator/dreamnet", "omit");
    }

    @Test
    @Order(2)
    void theReadsThePageMakesAnswerInTheShapesItRendersAndNeedTheReadToken() throws Exception {
        Http http = new Http(port);
        assertThat(http.get(API + "/gates").statusCode()).isEqualTo(401);

        assertThat(http.get(API + "/gates", "read-secret").body())
                .as("the plugin's shape: the overall status and each gate's last result in ms")
                .contains("\"status\":", "\"name\":\"payments\"", "\"lastHealthy\":", "\"lastDurationMs\":");
        assertThat(http.get(API + "/startup", "read-secret").body()).contains("\"criticalPath\":", "\"elapsedMs\":");
        assertThat(http.get(API + "/watchdogs", "read-secret").body()).contains("\"level\":", "\"watchdogs\":[");
        for (String part : List.of("", "/signals", "/breakers", "/flags", "/rollouts", "/fleet", "/overload", "/slos",
                "/audit?limit=20")) {
            HttpResponse<String> read = http.get(API + part, "read-secret");
            assertThat(read.statusCode()).as(part + ": " + read.body()).isEqualTo(200);
        }
    }
}
