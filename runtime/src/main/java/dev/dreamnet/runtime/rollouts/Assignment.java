package dev.dreamnet.runtime.rollouts;

import dev.dreamnet.core.rollout.Rollout;
import dev.dreamnet.core.rollout.Variant;

/**
 * The side of a rollout one request was given ({@link Subjects#assign}), which a web layer keeps on the request until
 * it is answered and then reports with {@link #finished}. Immutable.
 *
 * @param rollout      the rollout, or null when there is none of that name (the request is the baseline)
 * @param variant      the side that serves the request
 * @param recording    whether the request's outcome is evidence: the rollout was not finished when it was assigned
 * @param startedNanos when it was assigned, on the runtime's clock
 */
public record Assignment(Rollout rollout, Variant variant, boolean recording, long startedNanos) {

    /** Whether the response says which side served it ({@value Subjects#VARIANT_HEADER}): there is such a rollout. */
    public boolean named() {
        return rollout != null;
    }

    /** The value of {@value Subjects#VARIANT_HEADER}. */
    public String header() {
        return Subjects.header(variant);
    }

    /** Records the answered request, if it is evidence: a 5xx is an error, the latency runs to {@code nowNanos}. */
    public void finished(int status, long nowNanos) {
        if (recording) {
            rollout.record(variant, status >= 500, nowNanos - startedNanos);
        }
    }
}
