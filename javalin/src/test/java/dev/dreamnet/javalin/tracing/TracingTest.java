package dev.dreamnet.javalin.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.core.startup.ServiceSpec;
import dev.dreamnet.javalin.DreamNetPlugin;
import dev.dreamnet.runtime.DreamNet;
import dev.dreamnet.runtime.tracing.Tracing;
import io.javalin.Javalin;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * With tracing on (the SDK's in-memory exporter): one startup trace with a span per service whose parent edges follow
 * the graph (each service's parent is the dependency it waited for last), request spans named after the route
 * template, and a span per outbound call with its attempts, a child of the request's span. Tracing off makes no spans.
 */
class TracingTest {

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build()).build();
    private DreamNet dreamnet;
    private Javalin app;

    @AfterEach
    void stop() {
        if (dreamnet != null) {
            dreamnet.shutdown();
        }
        if (app != null) {
            app.stop();
        }
        sdk.close();
    }

    @Test
    void startupIsOneTraceWithASpanPerServiceAlongTheGraph() throws Exception {
        start(Tracing.of(sdk));

        List<SpanData> startup = exporter.getFinishedSpanItems().stream()
                .filter(s -> s.getName().startsWith("start") || s.getName().equals("startup")).toList();
        Map<String, SpanData> byName = startup.stream().collect(Collectors.toMap(SpanData::getName, Function.identity()));
        assertThat(byName).containsOnlyKeys("startup", "start config", "start cache", "start api");
        assertThat(startup).extracting(SpanData::getTraceId).containsOnly(byName.get("startup").getTraceId());
        assertThat(parent(byName, "start config")).isEqualTo("startup");
        assertThat(parent(byName, "start cache")).isEqualTo("start config");
        // api depends on config and cache; cache is ready last, so it is api's parent and config a link.
        assertThat(parent(byName, "start api")).isEqualTo("start cache");
        assertThat(byName.get("start api").getLinks()).extracting(l -> l.getSpanContext().getSpanId())
                .containsExactly(byName.get("start config").getSpanId());
        assertThat(byName.get("startup").getAttributes().get(AttributeKey.stringKey("dreamnet.startup.critical_path")))
                .isEqualTo("config -> cache -> api");
    }

    @Test
    void requestSpansCarryTheRouteTemplateAndParentOutboundCalls() throws Exception {
        start(Tracing.of(sdk));

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + app.port() + "/api/dreams/42")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.body()).isEqualTo("dream 42");
        SpanData request = exporter.getFinishedSpanItems().stream()
                .filter(s -> s.getName().equals("GET /api/dreams/{id}")).findFirst().orElseThrow();
        assertThat(request.getAttributes().get(AttributeKey.stringKey("http.route"))).isEqualTo("/api/dreams/{id}");
        assertThat(request.getAttributes().get(AttributeKey.longKey("http.response.status_code"))).isEqualTo(200);
        SpanData call = exporter.getFinishedSpanItems().stream().filter(s -> s.getName().equals("call database"))
                .filter(s -> s.getTraceId().equals(request.getTraceId())).findFirst().orElseThrow();
        assertThat(call.getParentSpanId()).isEqualTo(request.getSpanId());
        assertThat(call.getEvents()).extracting(e -> e.getName()).containsExactly("attempt");
        assertThat(call.getAttributes().get(AttributeKey.longKey("dreamnet.retries"))).isZero();

        String openMetrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + app.port() + "/metrics")).header("Accept", "application/openmetrics-text").build(),
                HttpResponse.BodyHandlers.ofString()).body();
        // OpenMetrics links the request's latency bucket to its trace.
        assertThat(openMetrics).containsPattern("dreamnet_http_server_requests_seconds_bucket\\{[^}]*route=\"/api/dreams/"
                + "\\{id\\}\"[^}]*\\} 1 # \\{[^}]*trace_id=\"" + request.getTraceId() + "\"");
    }

    @Test
    void tracingOffMakesNoSpans() throws Exception {
        start(Tracing.off());
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
                + "/api/dreams/1")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(dreamnet.tracing().enabled()).isFalse();
        assertThat(exporter.getFinishedSpanItems()).isEmpty();
        assertThat(Tracing.fromEnvironment(Map.of()).enabled()).isFalse();
        assertThat(Tracing.fromEnvironment(Map.of("OTEL_TRACES_EXPORTER", "none")).enabled()).isFalse();
    }

    private static String parent(Map<String, SpanData> spans, String name) {
        String parentId = spans.get(name).getParentSpanId();
        return spans.values().stream().filter(s -> s.getSpanId().equals(parentId)).map(SpanData::getName)
                .findFirst().orElse("(none)");
    }

    private void start(Tracing tracing) throws Exception {
        dreamnet = DreamNet.builder().environment(Map.of()).tracing(tracing)
                .database("jdbc:h2:mem:tracing_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .services(ServiceSpec.builder("config").kind("step").build(),
                        ServiceSpec.builder("cache").kind("step").dependsOn("config").build(),
                        ServiceSpec.builder("api").kind("step").dependsOn("config", "cache").build())
                .kind("step", spec -> () -> { })
                .build();
        app = Javalin.create(config -> {
            config.registerPlugin(new DreamNetPlugin(dreamnet));
            config.routes.get("/api/dreams/{id}", ctx -> ctx.result(dreamnet.downstreams().call("database",
                    () -> "dream " + ctx.pathParam("id"))));
        }).start("127.0.0.1", 0);
        dreamnet.start();
        dreamnet.started().get(10, TimeUnit.SECONDS);
    }
}
