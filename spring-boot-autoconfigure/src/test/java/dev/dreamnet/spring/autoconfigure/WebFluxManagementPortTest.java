package dev.dreamnet.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.runtime.DreamNet;
import dev.dreamnet.spring.autoconfigure.reactive.ReactiveApp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@link ManagementPortTest} in a Spring WebFlux application: the management port's child context runs the
 * application's web filters, so the endpoint's guard and its headers for the operations reach it there too.
 */
@SpringBootTest(classes = ReactiveApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.main.web-application-type=reactive",
        // This module's tests have both Tomcat and Netty, whose management auto-configurations define the same bean.
        "spring.main.allow-bean-definition-overriding=true",
        "dreamnet.database=jdbc:h2:mem:reactive_management_${random.uuid};DB_CLOSE_DELAY=-1",
        "dreamnet.resilience=src/test/resources/test-resilience.yaml",
        "dreamnet.tokens.admin=admin-secret",
        "dreamnet.tokens.read=read-secret",
        "management.server.port=0",
        "management.endpoints.web.exposure.include=health,dreamnet"})
class WebFluxManagementPortTest {

    @LocalServerPort
    int application;
    @LocalManagementPort
    int management;
    @Autowired
    DreamNet dreamnet;

    @Test
    void theEndpointsWritesAreGuardedOnTheManagementPort() throws Exception {
        ManagementPortTest.assertGuarded(new Http(management), dreamnet);
    }

    @Test
    void theConsoleIsServedOnTheManagementPortBesideTheEndpointAndNotOnTheApplicationsPort() throws Exception {
        ConsoleChecks.assertServed(new Http(management)::get, "/actuator/dreamnet", "omit");
        assertThat(new Http(application).get("/actuator/dreamnet/console").statusCode()).isEqualTo(404);
    }
}
