package dev.dreamnet.javalin.metrics;

import dev.dreamnet.runtime.metrics.DreamnetCollector;
import dev.dreamnet.runtime.metrics.MetricSources;

import dev.dreamnet.core.metrics.RequestMetrics;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * {@code GET /metrics}: Prometheus text format from Micrometer's Prometheus registry, with the
 * standard JVM and process meters and DreamNet's own. Protected by the read token when one is
 * configured, like the observability endpoints (checked by {@code ReadGate}). Thread-safe.
 */
public final class PrometheusEndpoint implements AutoCloseable {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    /** Asked for with {@code Accept}: carries exemplars (trace ids on latency buckets) while tracing is on. */
    static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public PrometheusEndpoint(RequestMetrics requests, MetricSources sources) {
        // promtool's lint refuses two of Micrometer's standard names: a counter in nanoseconds
        // (process_cpu_time_ns_total; process_cpu_usage remains) and a gauge ending in _count.
        registry.config().meterFilter(MeterFilter.deny(id -> id.getName().equals("process.cpu.time")));
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                return id.getName().equals("system.cpu.count") ? id.withName("system.cpu.processors") : id;
            }
        });
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        registry.getPrometheusRegistry().register(new DreamnetCollector(requests, sources));
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/metrics", ctx -> {
            String accept = ctx.header("Accept");
            String type = accept != null && accept.contains("application/openmetrics-text") ? OPENMETRICS : CONTENT_TYPE;
            ctx.contentType(type).result(registry.scrape(type));
        });
    }

    public String scrape() {
        return registry.scrape(CONTENT_TYPE);
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
