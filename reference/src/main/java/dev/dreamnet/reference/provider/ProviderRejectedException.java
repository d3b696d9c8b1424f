package dev.dreamnet.reference.provider;

/** The provider refused the request or answered nonsense: retrying the same request will not help. */
public final class ProviderRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ProviderRejectedException(String message) {
        super(message);
    }
}
