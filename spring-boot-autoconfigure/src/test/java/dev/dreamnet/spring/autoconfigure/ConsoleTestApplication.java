package dev.dreamnet.spring.autoconfigure;

import dev.dreamnet.spring.autoconfigure.app.TestApp;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The application the console's tests run: {@link TestApp} on a random port under the servlet context path
 * {@code /shop}, with read and admin tokens, the flags and resilience files, and the endpoint exposed.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = TestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dreamnet.database=jdbc:h2:mem:console_${random.uuid};DB_CLOSE_DELAY=-1",
        "dreamnet.flags=src/test/resources/test-flags.yaml",
        "dreamnet.resilience=src/test/resources/test-resilience.yaml",
        "dreamnet.tokens.admin=admin-secret",
        "dreamnet.tokens.read=read-secret",
        "dreamnet.gates.startup-interval=50ms",
        "server.servlet.context-path=/shop",
        "management.endpoints.web.exposure.include=health,dreamnet"})
@interface ConsoleTestApplication {
}
