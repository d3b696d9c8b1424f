package dev.dreamnet.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dreamnet.runtime.DreamNet;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * What the starter leaves to the application, and what it does with the application's choice: its tracing, its
 * PostgreSQL driver.
 */
class StarterClassPathTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DreamNetAutoConfiguration.class))
            .withPropertyValues("dreamnet.database=jdbc:h2:mem:classpath_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");

    @Test
    void startupSpansGoToTheApplicationsOpenTelemetry() {
        InMemorySpanExporter spans = InMemorySpanExporter.create();
        OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(spans)).build()).build();
        runner.withBean(OpenTelemetry.class, () -> sdk).run(context -> {
            assertThat(context).hasNotFailed();
            context.getBean(DreamNet.class).started().get();
            await().atMost(Duration.ofSeconds(5)).until(() -> !spans.getFinishedSpanItems().isEmpty());
            assertThat(spans.getFinishedSpanItems()).extracting(SpanData::getName)
                    .contains("startup", "start " + DreamNet.APPLICATION);
        });
        sdk.close();
    }

    @Test
    void withoutAnOpenTelemetryBeanNoSpansAreMadeAndTheRuntimesOwnSdkIsNotThere() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            DreamNet dreamnet = context.getBean(DreamNet.class);
            dreamnet.started().get();
            assertThat(dreamnet.tracing().enabled()).isFalse();
        });
        assertThat(present("io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk"))
                .as("the runtime's OTEL_* set-up is not on a Spring application's class path").isFalse();
    }

    @Test
    void aPostgresqlDatabaseWithoutItsDriverIsRefusedNamingTheDependency() {
        assertThat(present("org.postgresql.Driver")).as("the starter brings no PostgreSQL driver").isFalse();
        runner.withPropertyValues("dreamnet.database=jdbc:postgresql://127.0.0.1:5432/test?password=secret")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("dreamnet.database is PostgreSQL (jdbc:postgresql://127.0.0.1:5432/test?...)")
                        .hasStackTraceContaining("add the dependency org.postgresql:postgresql"));
    }

    @Test
    void noQueueClientComesWithTheStarter() {
        assertThat(present("com.rabbitmq.client.ConnectionFactory")).isFalse();
    }

    @Test
    void theConsolesChartLibraryComesInsideTheRuntimeNotAsAWebJarTheApplicationWouldServe() {
        // Bug: the uPlot WebJar on the class path made Tomcat set up a resource set for it at every start, and Spring
        // Boot serve it to anyone at /webjars/uplot/ from every application with the starter.
        ClassLoader loader = getClass().getClassLoader();
        assertThat(loader.getResource("META-INF/resources/webjars/uplot")).isNull();
        assertThat(loader.getResource("dev/dreamnet/runtime/console/uplot/uPlot.iife.min.js")).isNotNull();
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, StarterClassPathTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
