package dev.dreamnet.spring.autoconfigure;

import dev.dreamnet.spring.autoconfigure.secured.SecuredReactiveApp;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * {@link SpringSecurityEndpointTest} in a Spring WebFlux application, whose operations run through
 * {@link DreamNetReactiveEndpoint}: Spring Security's reactive chain decides ({@link SecuredEndpointChecks}).
 * Runs in its own surefire execution: the module's other tests run without Spring Security.
 */
@SpringBootTest(classes = SecuredReactiveApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dreamnet.database=jdbc:h2:mem:secured_reactive_${random.uuid};DB_CLOSE_DELAY=-1", // nothing left on disk
        "spring.main.web-application-type=reactive",
        "dreamnet.tokens.admin=admin-secret",
        "management.endpoints.web.exposure.include=health,dreamnet"})
@DisabledIfSystemProperty(named = "dreamnet.test.spring-security", matches = "absent",
        disabledReason = "needs Spring Security on the class path: runs in surefire's with-spring-security execution")
class SpringSecurityWebFluxEndpointTest extends SecuredEndpointChecks {
}
