package dev.dreamnet.reference.rollouts;

/** A canary request failed on purpose, as {@link CanaryFaults} was told to make it. */
public final class InjectedFaultException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    InjectedFaultException() {
        super("the canary failed on purpose (POST /api/admin/canary-faults)", null, false, false);
    }
}
