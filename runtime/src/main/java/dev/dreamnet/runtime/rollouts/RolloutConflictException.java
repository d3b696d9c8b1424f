package dev.dreamnet.runtime.rollouts;

/** An operation that the rollout's current status does not allow (start over a live one, resume a promoted one). */
public final class RolloutConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    RolloutConflictException(String message) {
        super(message);
    }
}
