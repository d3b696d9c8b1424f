package dev.dreamnet.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dreamnet.runtime.DreamNet;
import dev.dreamnet.spring.autoconfigure.app.TestApp;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The actuator at the root of the application's own port ({@code management.endpoints.web.base-path=/}): each
 * endpoint's path ({@code /health}, {@code /dreamnet}) is the actuator's and is never refused, and every other path
 * meets the traffic gate.
 */
@SpringBootTest(classes = TestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dreamnet.database=jdbc:h2:mem:same_port_root_${random.uuid};DB_CLOSE_DELAY=-1",
        "dreamnet.resilience=src/test/resources/test-resilience.yaml",
        "dreamnet.tokens.admin=admin-secret",
        "dreamnet.gates.startup-interval=50ms",
        "management.endpoints.web.base-path=/",
        "management.endpoints.web.exposure.include=health,dreamnet"})
class SamePortRootManagementPathTest {

    @LocalServerPort
    int port;
    @Autowired
    DreamNet dreamnet;
    @Autowired
    TestApp.PaymentsCheck payments;

    @Test
    void theEndpointsPathsAreTheActuatorsAndEveryOtherPathMeetsTheGate() throws Exception {
        Http http = new Http(port);

        HttpResponse<String> early = http.get("/api/products");
        assertThat(early.statusCode()).as(early.body()).isEqualTo(503);
        assertThat(early.body()).contains("not ready");
        assertThat(http.get("/health/liveness").statusCode()).as("a probe, never refused").isEqualTo(200);
        ConsoleChecks.assertServed(http::get, "/dreamnet", "omit");

        payments.open();
        await().atMost(Duration.ofSeconds(10)).until(() -> dreamnet.state().readiness().ready());
        assertThat(http.get("/api/products").statusCode()).isEqualTo(200);
    }
}
