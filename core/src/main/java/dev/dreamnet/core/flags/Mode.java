package dev.dreamnet.core.flags;

/** How degraded the service is, set by an operator with a reason; each step sheds more flags. */
public enum Mode {
    /** Every flag follows its override or its configured value. */
    NORMAL,
    /** Flags marked {@link Degradation#SHED_AT_BROWNOUT} are off. */
    BROWNOUT,
    /** Every flag that is not {@link Degradation#KEPT} is off. */
    EMERGENCY
}
