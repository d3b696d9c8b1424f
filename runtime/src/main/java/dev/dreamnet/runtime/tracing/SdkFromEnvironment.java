package dev.dreamnet.runtime.tracing;

import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import java.util.Map;

/**
 * The OpenTelemetry SDK configured by {@code OTEL_*} settings, apart from {@link Tracing} so that the SDK's classes
 * load only when tracing is on: an application that leaves the SDK out never loads this class.
 */
final class SdkFromEnvironment {

    private SdkFromEnvironment() {
    }

    static Tracing tracing(Map<String, String> properties) {
        OpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.builder().disableShutdownHook()
                .addPropertiesSupplier(() -> properties).build().getOpenTelemetrySdk();
        return new Tracing(sdk, sdk::close);
    }
}
