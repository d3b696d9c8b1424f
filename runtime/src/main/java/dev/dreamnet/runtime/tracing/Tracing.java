package dev.dreamnet.runtime.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * OpenTelemetry tracing for DreamNet's own spans (requests, outbound calls, startup). Off by default: spans are made
 * only when {@code OTEL_TRACES_EXPORTER} names an exporter (such as {@code otlp}), and then the SDK is configured by
 * the standard {@code OTEL_*} variables ({@code OTEL_EXPORTER_OTLP_ENDPOINT}, {@code OTEL_SERVICE_NAME} ...); metrics
 * and logs are not exported unless their own variables say so. Callers check {@link #enabled()} first, so tracing off
 * costs one field read. Tracing off touches no OpenTelemetry class, so an application without OpenTelemetry's API on
 * its class path (the Spring Boot starter leaves it out) runs with tracing off. Thread-safe.
 */
public final class Tracing implements AutoCloseable {

    /** The instrumentation scope of DreamNet's spans. */
    public static final String SCOPE = "dev.dreamnet";

    private static final Tracing OFF = new Tracing(null, null);

    private final OpenTelemetry openTelemetry; // null when off
    private final Tracer tracer; // null when off
    private final Runnable onClose; // null when the caller keeps what it passed in

    /** Spans through {@code openTelemetry}, or off when it is null; {@link #close()} runs {@code onClose}, if any. */
    Tracing(OpenTelemetry openTelemetry, Runnable onClose) {
        this.openTelemetry = openTelemetry;
        this.tracer = openTelemetry == null ? null : openTelemetry.getTracer(SCOPE);
        this.onClose = onClose;
    }

    /** No spans. */
    public static Tracing off() {
        return OFF;
    }

    /** Spans through {@code openTelemetry}, which the caller configured and keeps (tests pass an in-memory SDK). */
    public static Tracing of(OpenTelemetry openTelemetry) {
        return new Tracing(Objects.requireNonNull(openTelemetry, "openTelemetry"), null);
    }

    /** On when {@code OTEL_TRACES_EXPORTER} is set to an exporter other than {@code none}; configured by OTEL_*. */
    public static Tracing fromEnvironment(Map<String, String> environment) {
        String exporter = environment.get("OTEL_TRACES_EXPORTER");
        if (exporter == null || exporter.isBlank() || exporter.strip().equals("none")
                || "true".equalsIgnoreCase(environment.get("OTEL_SDK_DISABLED"))) {
            return OFF;
        }
        Map<String, String> properties = new HashMap<>();
        properties.put("otel.metrics.exporter", "none");
        properties.put("otel.logs.exporter", "none");
        properties.put("otel.service.name", "dreamnet");
        environment.forEach((name, value) -> {
            if (name.startsWith("OTEL_")) {
                properties.put(name.toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        return SdkFromEnvironment.tracing(properties);
    }

    public boolean enabled() {
        return openTelemetry != null;
    }

    /** DreamNet's tracer; OpenTelemetry's no-op one when off (which needs OpenTelemetry's API on the class path). */
    public Tracer tracer() {
        return tracer != null ? tracer : OpenTelemetry.noop().getTracer(SCOPE);
    }

    /** Where the spans go; OpenTelemetry's no-op when off (which needs OpenTelemetry's API on the class path). */
    public OpenTelemetry openTelemetry() {
        return openTelemetry != null ? openTelemetry : OpenTelemetry.noop();
    }

    /** Flushes and stops an SDK made from the environment; one passed in is the caller's to close. */
    @Override
    public void close() {
        if (onClose != null) {
            onClose.run();
        }
    }
}
