package dev.dreamnet.spring.autoconfigure;

import dev.dreamnet.core.rollout.Rollout;
import dev.dreamnet.core.rollout.Variant;

/**
 * The side of a rollout a request was given, and when: kept on the request by {@link DreamNetRouting} or
 * {@link DreamNetReactiveRouting} until the web filter records the request's outcome on that side.
 */
record Assignment(Rollout rollout, Variant variant, long startedNanos) {

    /** Records the answered request: a 5xx is an error, the latency runs from the assignment to {@code nowNanos}. */
    void finished(int status, long nowNanos) {
        rollout.record(variant, status >= 500, nowNanos - startedNanos);
    }
}
