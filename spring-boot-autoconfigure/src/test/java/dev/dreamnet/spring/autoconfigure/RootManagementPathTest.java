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
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The actuator on a port of its own at its root ({@code management.server.port} with
 * {@code management.endpoints.web.base-path=/}, so that Kubernetes probes {@code :8081/health/readiness}), as many
 * deployments run it. The application's port has no actuator path then, so every request there meets the traffic gate.
 */
@SpringBootTest(classes = TestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dreamnet.database=jdbc:h2:mem:root_management_${random.uuid};DB_CLOSE_DELAY=-1",
        "dreamnet.resilience=src/test/resources/test-resilience.yaml",
        "dreamnet.tokens.admin=admin-secret",
        "dreamnet.gates.startup-interval=50ms",
        "management.server.port=0",
        "management.endpoints.web.base-path=/",
        "management.endpoints.web.exposure.include=health,dreamnet"})
class RootManagementPathTest {

    @LocalServerPort
    int application;
    @LocalManagementPort
    int management;
    @Autowired
    DreamNet dreamnet;
    @Autowired
    TestApp.PaymentsCheck payments;

    @Test
    void theApplicationsRoutesMeetTheTrafficGateWhileTheProbesAnswerOnTheManagementPort() throws Exception {
        // Bug: the filter took every path for the actuator's, as they all start with its base path "/": the
        // application's routes were served before ready and never counted.
        HttpResponse<String> early = new Http(application).get("/api/products");
        assertThat(early.statusCode()).as(early.body()).isEqualTo(503);
        assertThat(early.body()).contains("not ready");
        assertThat(new Http(management).get("/health/liveness").statusCode()).isEqualTo(200);
        assertThat(new Http(management).get("/health/readiness").statusCode()).isEqualTo(503);

        payments.open();
        await().atMost(Duration.ofSeconds(10)).until(() -> dreamnet.state().readiness().ready());

        assertThat(new Http(application).get("/api/products").statusCode()).isEqualTo(200);
        assertThat(new Http(management).get("/health/readiness").statusCode()).isEqualTo(200);
        ConsoleChecks.assertServed(new Http(management)::get, "/dreamnet", "omit");
    }
}
