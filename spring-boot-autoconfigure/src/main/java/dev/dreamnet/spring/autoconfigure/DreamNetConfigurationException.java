package dev.dreamnet.spring.autoconfigure;

/**
 * DreamNet cannot be built from the application's {@code dreamnet.*} properties or the files they name; the message
 * names the property, or the file, line and field. {@link DreamNetFailureAnalyzer} reports it as Spring Boot reports
 * its own configuration errors, without the stack trace.
 */
final class DreamNetConfigurationException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    DreamNetConfigurationException(String message) {
        super(message);
    }

    DreamNetConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
