package dev.dreamnet.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dreamnet.runtime.DreamNet;
import dev.dreamnet.spring.autoconfigure.reactive.ReactiveApp;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@link LifecycleTest}'s graceful shutdown in a Spring WebFlux application on Netty: closing the context turns
 * readiness off, answers a request that arrives then with 503, and waits for the request the web filter counts in
 * flight to complete before DreamNet stops.
 */
class WebFluxLifecycleTest {

    @Test
    void shutdownRefusesTrafficAndWaitsForTheRequestInFlight() throws Exception {
        List<ReadinessState> readiness = new CopyOnWriteArrayList<>();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ReactiveApp.class)
                .web(WebApplicationType.REACTIVE)
                .properties("server.port=0", "dreamnet.shutdown-grace=5s",
                        "dreamnet.resilience=src/test/resources/test-resilience.yaml",
                        "dreamnet.database=jdbc:h2:mem:reactive_lifecycle_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1")
                .listeners(LifecycleTest.recording(readiness)).run();
        try {
            DreamNet dreamnet = context.getBean(DreamNet.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> dreamnet.state().readiness().ready());
            Http http = new Http(((WebServerApplicationContext) context).getWebServer().getPort());
            ReactiveApp.Routes routes = context.getBean(ReactiveApp.Routes.class);
            routes.hold();
            CompletableFuture<HttpResponse<String>> held = http.getLater("/api/held");
            await().atMost(Duration.ofSeconds(10)).until(() -> dreamnet.inFlight().count() == 1);

            CompletableFuture<Void> closing = CompletableFuture.runAsync(context::close);
            await().atMost(Duration.ofSeconds(10)).until(() -> dreamnet.state().draining());
            assertThat(readiness).contains(ReadinessState.REFUSING_TRAFFIC);
            assertThat(closing).as("shutdown waits for the request in flight").isNotDone();
            HttpResponse<String> late = http.get("/api/products/1");
            assertThat(late.statusCode()).as("a request that arrives while draining").isEqualTo(503);
            assertThat(late.headers().firstValue("Retry-After")).isPresent();
            routes.release();

            HttpResponse<String> answered = held.get(10, TimeUnit.SECONDS);
            assertThat(answered.statusCode()).isEqualTo(200);
            assertThat(answered.body()).isEqualTo("released");
            closing.get(20, TimeUnit.SECONDS);
            assertThat(dreamnet.inFlight().count()).isZero();
        } finally {
            context.close();
        }
    }
}
