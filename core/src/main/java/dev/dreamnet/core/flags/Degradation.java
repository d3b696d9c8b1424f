package dev.dreamnet.core.flags;

/** How a flag behaves when the service degrades ({@link Mode#BROWNOUT}, {@link Mode#EMERGENCY}). */
public enum Degradation {
    /** Stays on under brownout and emergency: the service is not worth running without it. */
    KEPT,
    /** Turned off in BROWNOUT and in EMERGENCY: the first thing to give up. */
    SHED_AT_BROWNOUT,
    /** Turned off only in EMERGENCY. */
    SHED_AT_EMERGENCY
}
