package dev.dreamnet.server.provider;

/** The provider failed in a way that may pass: a 5xx, a timeout, a refused connection. Retryable. */
public final class ProviderUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ProviderUnavailableException(String message) {
        super(message);
    }
}
