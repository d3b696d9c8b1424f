package dev.dreamnet.spring.autoconfigure.overload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dreamnet.runtime.DreamNet;
import dev.dreamnet.spring.autoconfigure.reactive.ReactiveApp;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code dreamnet.overload} in a Spring WebFlux application (Netty): a fixed limit of 4 shared out by class, the routes
 * holding each request so the test knows what is in flight. The class comes from the route template a request matches
 * before WebFlux chooses its handler ({@code GET /api/sheddable/{id}}); sheddable work is refused first (429), critical
 * work only once the whole limit is in use (503), with {@code Retry-After: 1}; the criticality header raises the class
 * only for a caller with a token; the actuator stays open; every place is given back when its response completes.
 */
@SpringBootTest(classes = ReactiveApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.main.web-application-type=reactive",
        "dreamnet.tokens.admin=admin-secret",
        "management.endpoints.web.exposure.include=health,dreamnet"})
class ReactiveOverloadTest {

    private static final Path OVERLOAD = HeldRequests.overloadFile("maxWait: 50ms\n");

    @LocalServerPort
    int port;
    @Autowired
    ReactiveApp.Routes routes;
    @Autowired
    DreamNet dreamnet;
    private HeldRequests requests;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("dreamnet.overload", OVERLOAD::toString);
        registry.add("dreamnet.database", () -> "jdbc:h2:mem:reactive_overload_" + System.nanoTime()
                + ";DB_CLOSE_DELAY=-1");
    }

    @BeforeEach
    void hold() {
        await().atMost(Duration.ofSeconds(10)).until(() -> dreamnet.state().readiness().ready());
        routes.hold();
        requests = new HeldRequests(port);
    }

    @AfterEach
    void release() throws Exception {
        routes.release();
        requests.awaitAnswered();
        awaitInFlight(0);
    }

    @Test
    void sheddableWorkIsRefusedFirstAndCriticalWorkOnlyWhenTheWholeLimitIsInUse() throws Exception {
        hold("/api/sheddable/1", null, null);
        hold("/api/sheddable/2", null, null);
        awaitInFlight(2);

        HttpResponse<String> shed = get("/api/sheddable/3", null, null);
        assertThat(shed.statusCode()).as("a third sheddable request is over the 50%% share of 4").isEqualTo(429);
        assertThat(shed.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(shed.body()).contains("\"error\":\"shed\"", "SHEDDABLE requests are over their share");
        assertThat(get("/api/sheddable/3", "critical", null).statusCode())
                .as("asking for a higher class without a token changes nothing").isEqualTo(429);
        hold("/api/sheddable/4", "critical", "admin-secret");
        awaitInFlight(3);

        assertThat(get("/api/held", null, null).statusCode()).as("default may fill 90%% of 4: 3").isEqualTo(429);
        hold("/api/critical", null, null);
        awaitInFlight(4);
        HttpResponse<String> full = get("/api/critical", null, null);
        assertThat(full.statusCode()).as("critical work is refused only once all 4 places are taken").isEqualTo(503);
        assertThat(full.body()).contains("\"error\":\"overloaded\"");

        assertThat(get("/actuator/health/readiness", null, null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/dreamnet/overload", null, null).body()).contains("\"inflight\":4");
    }

    private void hold(String path, String criticality, String token) {
        requests.hold(path, criticality, token);
    }

    private HttpResponse<String> get(String path, String criticality, String token) throws Exception {
        return requests.get(path, criticality, token);
    }

    private void awaitInFlight(int count) {
        HeldRequests.awaitInFlight(dreamnet, count);
    }
}
