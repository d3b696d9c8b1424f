package dev.dreamnet.runtime.rollouts;

import java.util.List;

/** An operation named a rollout this instance does not know; the message lists the known ones. */
public final class UnknownRolloutException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UnknownRolloutException(String name, List<String> known) {
        super("no rollout \"" + name + "\" (known: " + (known.isEmpty() ? "none" : String.join(", ", known)) + ")");
    }
}
