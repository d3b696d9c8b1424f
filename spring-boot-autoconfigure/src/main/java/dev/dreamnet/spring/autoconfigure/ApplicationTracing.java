package dev.dreamnet.spring.autoconfigure;

import dev.dreamnet.runtime.tracing.Tracing;
import io.opentelemetry.api.OpenTelemetry;
import org.springframework.beans.factory.ListableBeanFactory;

/**
 * DreamNet's spans through the application's {@code OpenTelemetry} bean, when it has exactly one; off otherwise. Apart
 * from {@link DreamNetFactory} because it names OpenTelemetry's API, which the starter does not bring: it is loaded
 * only when the application has that API.
 */
final class ApplicationTracing {

    private ApplicationTracing() {
    }

    static Tracing of(ListableBeanFactory beans) {
        OpenTelemetry openTelemetry = beans.getBeanProvider(OpenTelemetry.class).getIfUnique();
        return openTelemetry == null ? Tracing.off() : Tracing.of(openTelemetry);
    }
}
