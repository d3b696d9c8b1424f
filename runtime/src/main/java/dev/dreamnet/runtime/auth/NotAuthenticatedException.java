package dev.dreamnet.runtime.auth;

/** A request that needs a token came without one, or with one that no configured source accepts. */
public final class NotAuthenticatedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    NotAuthenticatedException(String message) {
        super(message, null, false, false);
    }
}
