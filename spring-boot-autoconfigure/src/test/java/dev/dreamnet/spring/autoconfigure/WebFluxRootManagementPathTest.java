package dev.dreamnet.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dreamnet.core.flags.KillSwitches;
import dev.dreamnet.core.metrics.RouteStats;
import dev.dreamnet.runtime.DreamNet;
import dev.dreamnet.spring.autoconfigure.reactive.ReactiveApp;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@link RootManagementPathTest} under Spring WebFlux, whose web filters run on the actuator's own port too: the
 * application's routes meet the kill switches and are recorded, while the actuator's port, at its root, is neither
 * refused nor counted.
 */
@SpringBootTest(classes = ReactiveApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dreamnet.database=jdbc:h2:mem:reactive_root_management_${random.uuid};DB_CLOSE_DELAY=-1",
        "spring.main.web-application-type=reactive",
        // This module's tests have both Tomcat and Netty, whose management auto-configurations define the same bean.
        "spring.main.allow-bean-definition-overriding=true",
        "dreamnet.resilience=src/test/resources/test-resilience.yaml",
        "dreamnet.tokens.admin=admin-secret",
        "management.server.port=0",
        "management.endpoints.web.base-path=/",
        "management.endpoints.web.exposure.include=health,dreamnet"})
class WebFluxRootManagementPathTest {

    @LocalServerPort
    int application;
    @LocalManagementPort
    int management;
    @Autowired
    DreamNet dreamnet;

    @AfterEach
    void drainOff() {
        dreamnet.flags().change(state -> state.withKillSwitches(new KillSwitches(false, false)), "test",
                "test.change", "flags", "", "WebFlux root test");
    }

    @Test
    void theApplicationsRoutesMeetTheKillSwitchesAndAreRecordedWhileTheActuatorsPortIsLeftAlone() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> dreamnet.state().readiness().ready());
        dreamnet.flags().change(state -> state.withKillSwitches(new KillSwitches(false, true)), "test",
                "test.change", "flags", "", "WebFlux root test");

        // Bug: every path starts with the base path "/", so the web filter took them all for the actuator's.
        HttpResponse<String> write = new Http(application).post("/api/orders", "{}", null);
        assertThat(write.statusCode()).as(write.body()).isEqualTo(503);
        assertThat(write.body()).contains("writes paused");
        assertThat(new Http(application).get("/api/products/3").body()).isEqualTo("lamp 3");
        assertThat(new Http(management).get("/health/liveness").statusCode()).isEqualTo(200);
        assertThat(new Http(management).get("/health/readiness").statusCode()).isEqualTo(200);

        assertThat(dreamnet.requestMetrics().snapshot().routes()).extracting(RouteStats::route)
                .contains("GET /api/products/{id}").noneMatch(route -> route.contains("health"));
        ConsoleChecks.assertServed(new Http(management)::get, "/dreamnet", "omit");
    }
}
