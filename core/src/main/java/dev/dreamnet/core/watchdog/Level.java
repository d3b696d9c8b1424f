package dev.dreamnet.core.watchdog;

/** How worried a watchdog is, from best to worst; the declaration order is the severity order. */
public enum Level {
    /** Below the warn threshold, or nothing to judge yet. */
    OK,
    /** At or above the warn threshold: look at it soon. */
    WARN,
    /** At or above the crit threshold: act now. */
    CRIT;

    /** The worse of this level and {@code other}. */
    public Level worse(Level other) {
        return other.compareTo(this) > 0 ? other : this;
    }
}
