package dev.dreamnet.spring.autoconfigure;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Turns a start that DreamNet failed into Spring Boot's "APPLICATION FAILED TO START" report, instead of a page of
 * nested stack traces: for a configuration error, the property or the file, line and field and what to do; for a
 * critical service that failed, the path to it and why. Registered in {@code spring.factories}; Spring Boot loads it
 * only when a start fails.
 */
final class DreamNetFailureAnalyzer implements FailureAnalyzer {

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DreamNetConfigurationException configuration) {
                return new FailureAnalysis("DreamNet could not be configured: " + configuration.getMessage(),
                        "Correct the dreamnet.* property, or the file and field, named above (docs/SPRING-BOOT.md lists "
                                + "the properties and the files' formats), or set dreamnet.enabled=false to start "
                                + "without DreamNet.", configuration);
            }
            if (cause instanceof DreamNetStartupException startup) {
                return new FailureAnalysis(startup.getMessage(), "Start or repair the service that failed, last in the "
                        + "path above: it is critical, so the application does not start without it. Mark it "
                        + "\"critical\": false in the graph (or @DreamNetService(critical = false)) to start DEGRADED "
                        + "without it.", startup);
            }
        }
        return null;
    }
}
