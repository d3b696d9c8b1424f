package dev.dreamnet.core.rollout;

import java.util.Objects;

/**
 * The persistent state of one rollout, as plain values, to store in a database and restore after a
 * restart: the rollout resumes at its step, and its bake time counts from {@code stepStartedAtMillis}.
 * Immutable and thread-safe.
 *
 * @param name                the rollout
 * @param status              where it is
 * @param step                index into the configured steps (0 while pending; the last step once promoted)
 * @param percent             canary share now, 0..100
 * @param stepStartedAtMillis wall-clock time the current step (or final status) began
 * @param reason              why it was rolled back or last changed; "" when none
 * @param hashVersion         the {@link Buckets#VERSION} subjects were assigned with
 */
public record RolloutState(String name, RolloutStatus status, int step, double percent, long stepStartedAtMillis,
                           String reason, int hashVersion) {

    public RolloutState {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(status, "status must not be null");
        Objects.requireNonNull(reason, "reason must not be null (use \"\")");
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, was " + step);
        }
        if (!(percent >= 0 && percent <= 100)) {
            throw new IllegalArgumentException("percent must be between 0 and 100, was " + percent);
        }
    }
}
