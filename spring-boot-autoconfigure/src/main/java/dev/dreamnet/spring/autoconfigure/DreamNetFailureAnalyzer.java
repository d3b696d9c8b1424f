package dev.dreamnet.spring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a start that failed on DreamNet's configuration into Spring Boot's "APPLICATION FAILED TO START" report: what is
 * wrong (the property, or the file, line and field) and what to do, instead of a page of nested stack traces.
 * Registered in {@code spring.factories}; Spring Boot loads it only when a start fails.
 */
final class DreamNetFailureAnalyzer extends AbstractFailureAnalyzer<DreamNetConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DreamNetConfigurationException cause) {
        return new FailureAnalysis("DreamNet could not be configured: " + cause.getMessage(),
                "Correct the dreamnet.* property, or the file and field, named above (docs/SPRING-BOOT.md lists the "
                        + "properties and the files' formats), or set dreamnet.enabled=false to start without DreamNet.",
                cause);
    }
}
