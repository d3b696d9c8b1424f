package dev.dreamnet.spring.autoconfigure.overload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dreamnet.core.overload.Criticality;
import dev.dreamnet.runtime.DreamNet;
import dev.dreamnet.runtime.overload.OverloadProtection;
import dev.dreamnet.spring.autoconfigure.app.HeldRoutesApp;
import io.micrometer.core.instrument.MeterRegistry;
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
 * {@code dreamnet.overload} in a Spring MVC application: a fixed limit of 4 (bounds pinned) shared out by class, the
 * routes holding each request so the test knows exactly what is in flight. Sheddable work is refused first (429, over
 * its share), critical work only once the whole limit is in use (503), each with {@code Retry-After: 1}; the class is
 * the route template's ({@code /api/sheddable/{id}}); the actuator and operator routes stay open; the criticality
 * header is believed only from a caller with a token; every place is given back when its request completes.
 */
@SpringBootTest(classes = HeldRoutesApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"dreamnet.tokens.admin=admin-secret",
                "management.endpoints.web.exposure.include=health,dreamnet"})
class OverloadTest {

    private static final Path OVERLOAD = HeldRequests.overloadFile("");

    @LocalServerPort
    int port;
    @Autowired
    HeldRoutesApp.Routes routes;
    @Autowired
    DreamNet dreamnet;
    @Autowired
    MeterRegistry meters;
    private HeldRequests requests;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("dreamnet.overload", OVERLOAD::toString);
        registry.add("dreamnet.database", () -> "jdbc:h2:mem:overload_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
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
        OverloadProtection protection = dreamnet.overload();
        long admittedBefore = protection.admitted();
        long[] refusedBefore = {refused(Criticality.SHEDDABLE, OverloadProtection.Refusal.OVER_SHARE),
            refused(Criticality.DEFAULT, OverloadProtection.Refusal.OVER_SHARE),
            refused(Criticality.CRITICAL, OverloadProtection.Refusal.OVER_LIMIT)};
        hold("/api/sheddable/1", null, null);
        hold("/api/sheddable/2", null, null);
        awaitInFlight(2);

        HttpResponse<String> shed = get("/api/sheddable/3", null, null);
        assertThat(shed.statusCode()).as("a third sheddable request is over the 50%% share of 4").isEqualTo(429);
        assertThat(shed.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(shed.body()).contains("\"error\":\"shed\"", "SHEDDABLE requests are over their share");

        hold("/api/default", null, null);
        awaitInFlight(3);
        assertThat(get("/api/default", null, null).statusCode()).as("default may fill 90%% of 4: 3").isEqualTo(429);

        hold("/api/critical", null, null);
        awaitInFlight(4);
        HttpResponse<String> full = get("/api/critical", null, null);
        assertThat(full.statusCode()).as("critical work is refused only once all 4 places are taken").isEqualTo(503);
        assertThat(full.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(full.body()).contains("\"error\":\"overloaded\"");

        assertThat(get("/actuator/health/readiness", null, null).statusCode()).isEqualTo(200);
        assertThat(get("/api/admin/held", null, null).statusCode()).as("the application's operator routes")
                .isEqualTo(200);
        assertThat(get("/api/%61dmin/held", null, null).statusCode())
                .as("the same route percent-encoded, as Spring MVC routes it").isEqualTo(200);
        HttpResponse<String> view = get("/actuator/dreamnet/overload", null, null);
        assertThat(view.statusCode()).isEqualTo(200);
        assertThat(view.body()).contains("\"limit\":4", "\"inflight\":4", "\"GET /api/sheddable/{id}\":\"SHEDDABLE\"");
        assertThat(new long[] {refused(Criticality.SHEDDABLE, OverloadProtection.Refusal.OVER_SHARE) - refusedBefore[0],
            refused(Criticality.DEFAULT, OverloadProtection.Refusal.OVER_SHARE) - refusedBefore[1],
            refused(Criticality.CRITICAL, OverloadProtection.Refusal.OVER_LIMIT) - refusedBefore[2]})
                .as("refusals counted per class and reason").containsExactly(1, 1, 1);
        assertThat(meters.get("dreamnet.overload.limit").gauge().value()).isEqualTo(4);
        assertThat(meters.get("dreamnet.overload.refused.requests").tags("class", "CRITICAL", "reason", "limit")
                .functionCounter().count()).isEqualTo(refusedBefore[2] + 1);

        release();
        assertThat(protection.admitted() - admittedBefore).isEqualTo(4);
    }

    @Test
    void theCriticalityHeaderMayLowerAClassForAnyoneButRaiseItOnlyWithAToken() throws Exception {
        long shedBefore = refused(Criticality.SHEDDABLE, OverloadProtection.Refusal.OVER_SHARE);
        hold("/api/default", null, null);
        hold("/api/default", null, null);
        awaitInFlight(2);

        assertThat(get("/api/default", "sheddable", null).statusCode()).as("lowered to sheddable by the caller")
                .isEqualTo(429);
        assertThat(get("/api/sheddable/1", "critical", null).statusCode()).as("raised without a token: ignored")
                .isEqualTo(429);
        hold("/api/sheddable/2", "critical", "admin-secret");
        awaitInFlight(3);
        assertThat(refused(Criticality.SHEDDABLE, OverloadProtection.Refusal.OVER_SHARE) - shedBefore).isEqualTo(2);
    }

    private long refused(Criticality criticality, OverloadProtection.Refusal why) {
        return dreamnet.overload().refused(criticality, why);
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
