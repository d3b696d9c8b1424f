package dev.dreamnet.reference.provider;

import java.io.IOException;

/** The provider failed in a way that may pass: a 5xx, a timeout, a refused connection. Retryable (an I/O failure). */
public final class ProviderUnavailableException extends IOException {

    private static final long serialVersionUID = 1L;

    public ProviderUnavailableException(String message) {
        super(message);
    }
}
