package dev.dreamnet.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.dreamnet.core.startup.Component;
import dev.dreamnet.runtime.DreamNet;
import dev.dreamnet.spring.autoconfigure.app.TestApp;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * DreamNet in Spring's lifecycle, each case its own application: shutdown turns readiness off, lets the request in
 * flight finish, then stops the components in reverse order; a critical component that fails fails the application's
 * startup with the path to it; a service of the graph file is played by the bean it names.
 */
class LifecycleTest {

    private static SpringApplicationBuilder app(WebApplicationType type, String... properties) {
        return new SpringApplicationBuilder(TestApp.class).web(type).properties(properties)
                .properties("server.port=0", "test.payments.open=true", "dreamnet.gates.startup-interval=50ms",
                        "dreamnet.resilience=src/test/resources/test-resilience.yaml",
                        "dreamnet.gates.interval=100ms",
                        "dreamnet.database=jdbc:h2:mem:lifecycle_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    }

    /** Adds each readiness state the application publishes to {@code states}. */
    static ApplicationListener<AvailabilityChangeEvent<?>> recording(List<ReadinessState> states) {
        return event -> {
            if (event.getState() instanceof ReadinessState state) {
                states.add(state);
            }
        };
    }

    @Test
    void shutdownRefusesTrafficDrainsTheRequestInFlightThenStopsComponentsInReverseOrder() throws Exception {
        System.setProperty("test.payments.open", "true");
        List<ReadinessState> readiness = new CopyOnWriteArrayList<>();
        ConfigurableApplicationContext context = app(WebApplicationType.SERVLET, "dreamnet.shutdown-grace=5s")
                .listeners(recording(readiness)).run();
        try {
            DreamNet dreamnet = context.getBean(DreamNet.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> dreamnet.state().readiness().ready());
            Http http = new Http(((WebServerApplicationContext) context).getWebServer().getPort());
            TestApp.Routes routes = context.getBean(TestApp.Routes.class);
            TestApp.Events events = context.getBean(TestApp.Events.class);
            CompletableFuture<HttpResponse<String>> slow = http.getLater("/api/slow");
            assertThat(routes.slowEntered.await(10, TimeUnit.SECONDS)).isTrue();

            CompletableFuture<Void> closing = CompletableFuture.runAsync(context::close);
            await().atMost(Duration.ofSeconds(10)).until(() -> dreamnet.state().draining());
            assertThat(closing).as("shutdown waits for the request in flight").isNotDone();
            assertThat(events.all).doesNotContain("catalog stopped");
            routes.slowRelease.countDown();

            assertThat(slow.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            closing.get(20, TimeUnit.SECONDS);
            assertThat(events.all).containsSubsequence("slow request finished", "catalog stopped", "warehouse stopped");
            assertThat(readiness).contains(ReadinessState.REFUSING_TRAFFIC);
        } finally {
            context.close();
            System.clearProperty("test.payments.open");
        }
    }

    @Test
    void aCriticalComponentThatFailsFailsStartupNamingThePath() {
        assertThatThrownBy(() -> app(WebApplicationType.NONE, "test.warehouse.fail=true").run().close())
                .hasStackTraceContaining("DreamNet startup failed: catalog -> warehouse: warehouse failed")
                .hasStackTraceContaining("warehouse database refused the connection")
                .satisfies(failure -> {
                    var analysis = new DreamNetFailureAnalyzer().analyze(failure);
                    assertThat(analysis).as("Spring Boot reports it without the stack trace").isNotNull();
                    assertThat(analysis.getDescription()).startsWith("DreamNet startup failed: catalog -> warehouse: "
                            + "warehouse failed").contains("warehouse database refused the connection");
                    assertThat(analysis.getAction()).contains("\"critical\": false");
                });
    }

    @Test
    void aGraphFileServiceIsPlayedByTheBeanItNamesAndBeansJoinTheGraph() {
        Component stub = () -> { };
        try (ConfigurableApplicationContext context = app(WebApplicationType.NONE,
                "dreamnet.graph=src/test/resources/test-graph.json")
                .initializers(c -> c.getBeanFactory().registerSingleton("checkout-stub", stub)).run()) {
            var startup = context.getBean(DreamNet.class).state().dag().snapshot();
            assertThat(startup.nodes()).extracting(n -> n.name() + " " + n.state()).contains("warehouse READY",
                    "checkout READY", "catalog READY", "payments READY");
            assertThat(startup.nodes()).filteredOn(n -> n.name().equals("checkout")).first()
                    .extracting(n -> n.dependsOn()).isEqualTo(List.of("warehouse"));
        }
    }
}
