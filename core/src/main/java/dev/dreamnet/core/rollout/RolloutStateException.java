package dev.dreamnet.core.rollout;

/** An operation that the rollout's current status does not allow, e.g. resuming a rollout that is not paused. */
public final class RolloutStateException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public RolloutStateException(String message) {
        super(message);
    }
}
