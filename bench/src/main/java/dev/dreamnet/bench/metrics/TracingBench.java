package dev.dreamnet.bench.metrics;

import dev.dreamnet.runtime.tracing.Tracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What tracing adds to one request: off (the {@link Tracing#enabled()} check the plugin and {@code Downstreams} make),
 * and on (a request span made current, named after its route, with the attributes the plugin sets, and ended; spans
 * go through the SDK's batch processor to an exporter that drops them, so the export itself is not counted).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TracingBench {

    @State(org.openjdk.jmh.annotations.Scope.Benchmark)
    public static class Off {
        final Tracing tracing = Tracing.off();
    }

    @State(org.openjdk.jmh.annotations.Scope.Benchmark)
    public static class On {
        OpenTelemetrySdk sdk;
        Tracing tracing;

        @Setup(Level.Trial)
        public void setUp() {
            sdk = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
                    .addSpanProcessor(BatchSpanProcessor.builder(new Dropping()).build()).build()).build();
            tracing = Tracing.of(sdk);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            sdk.close();
        }
    }

    @Benchmark
    public boolean off(Off off) {
        return off.tracing.enabled();
    }

    @Benchmark
    public Span on(On on) {
        Span span = on.tracing.tracer().spanBuilder("GET").setSpanKind(SpanKind.SERVER)
                .setAttribute("http.request.method", "GET").setAttribute("url.path", "/api/dreams/42").startSpan();
        try (Scope ignored = span.makeCurrent()) {
            span.updateName("GET /api/dreams/{id}");
            span.setAttribute("http.route", "/api/dreams/{id}");
            span.setAttribute("http.response.status_code", 200);
        }
        span.end();
        return span;
    }

    /** Drops every span. */
    static final class Dropping implements SpanExporter {
        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
