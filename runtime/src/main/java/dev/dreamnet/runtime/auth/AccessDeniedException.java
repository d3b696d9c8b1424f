package dev.dreamnet.runtime.auth;

/** A request whose token (or the lack of any configured admin token) does not give the right it needs. */
public final class AccessDeniedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    AccessDeniedException(String message) {
        super(message, null, false, false);
    }
}
