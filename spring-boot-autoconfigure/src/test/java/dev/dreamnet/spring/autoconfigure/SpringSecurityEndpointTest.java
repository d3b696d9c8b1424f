package dev.dreamnet.spring.autoconfigure;

import dev.dreamnet.spring.autoconfigure.secured.SecuredApp;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * With Spring Security on the class path ({@code dreamnet.endpoints.auth=auto}), a Spring MVC application's own
 * security decides who may use the {@code dreamnet} endpoint ({@link SecuredEndpointChecks}).
 * Runs in its own surefire execution: the module's other tests run without Spring Security.
 */
@SpringBootTest(classes = SecuredApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dreamnet.database=jdbc:h2:mem:secured_${random.uuid};DB_CLOSE_DELAY=-1", // nothing left on disk
        "dreamnet.tokens.admin=admin-secret",
        "management.endpoints.web.exposure.include=health,dreamnet"})
@DisabledIfSystemProperty(named = "dreamnet.test.spring-security", matches = "absent",
        disabledReason = "needs Spring Security on the class path: runs in surefire's with-spring-security execution")
class SpringSecurityEndpointTest extends SecuredEndpointChecks {
}
