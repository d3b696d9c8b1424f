package dev.dreamnet.runtime.overload;

import dev.dreamnet.config.overload.OverloadConfig;
import java.time.Duration;

/**
 * The hysteresis of automatic brownout, as pure logic: fed one observation per tick (is the service overloaded now,
 * at what time), it says to enter once the evidence has lasted {@code enterAfter} without a break, and to leave once
 * the service has been healthy for {@code exitAfter} without a break. One healthy tick restarts the count towards
 * entering; one overloaded tick restarts the count towards leaving. Not thread-safe: one ticking thread feeds it.
 */
final class BrownoutDecider {

    enum Decision { NONE, ENTER, EXIT }

    private final long enterNanos;
    private final long exitNanos;
    private boolean active;
    private long overloadedSince = -1;
    private long healthySince = -1;

    BrownoutDecider(OverloadConfig.AutoBrownout config) {
        this(config.enterAfter(), config.exitAfter());
    }

    BrownoutDecider(Duration enterAfter, Duration exitAfter) {
        this.enterNanos = enterAfter.toNanos();
        this.exitNanos = exitAfter.toNanos();
    }

    /** One observation at {@code nowNanos} (a monotonic clock's reading). */
    Decision observe(long nowNanos, boolean overloaded) {
        if (overloaded) {
            healthySince = -1;
            if (overloadedSince < 0) {
                overloadedSince = nowNanos;
            }
            if (!active && nowNanos - overloadedSince >= enterNanos) {
                active = true;
                return Decision.ENTER;
            }
        } else {
            overloadedSince = -1;
            if (healthySince < 0) {
                healthySince = nowNanos;
            }
            if (active && nowNanos - healthySince >= exitNanos) {
                active = false;
                return Decision.EXIT;
            }
        }
        return Decision.NONE;
    }

    boolean active() {
        return active;
    }

    /** Forgets an episode that somebody else ended (an operator changed the mode): the next entry needs fresh evidence. */
    void reset() {
        reset(false);
    }

    /**
     * Forgets the evidence seen so far; {@code inBrownout} says whether a brownout of DreamNet's own is still in force,
     * which is then left once healthy for {@code exitAfter} from now.
     */
    void reset(boolean inBrownout) {
        active = inBrownout;
        overloadedSince = -1;
        healthySince = -1;
    }

    /** How long the current evidence has lasted at {@code nowNanos}, or zero when the service is healthy. */
    Duration overloadedFor(long nowNanos) {
        return overloadedSince < 0 ? Duration.ZERO : Duration.ofNanos(nowNanos - overloadedSince);
    }

    Duration healthyFor(long nowNanos) {
        return healthySince < 0 ? Duration.ZERO : Duration.ofNanos(nowNanos - healthySince);
    }
}
