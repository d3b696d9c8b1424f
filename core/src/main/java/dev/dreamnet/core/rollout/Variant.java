package dev.dreamnet.core.rollout;

/** Which side of a rollout a request was served by. */
public enum Variant {
    /** The current version, serving everyone outside the canary. */
    BASELINE,
    /** The new version, serving the step's percentage of subjects. */
    CANARY
}
