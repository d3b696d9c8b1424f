package dev.dreamnet.core.overload;

import dev.dreamnet.core.flags.Mode;
import dev.dreamnet.core.overload.internal.RealConcurrencyLimiter;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Caps the requests in flight at an adaptive limit ({@link GradientLimit}) and shares that limit
 * out by {@link Criticality}: a request is admitted while fewer requests than
 * {@code limit x share(criticality)} are in flight, so SHEDDABLE work is refused first and
 * CRITICAL work last ({@link Shares}). The shares follow the degradation {@link Mode}: BROWNOUT and
 * EMERGENCY tighten them. A refused request is refused at once; nothing queues.
 *
 * <p>Time is passed in: callers measure each request's round-trip time and report it with the
 * time of the report. The limit is recomputed when a sample window closes (see
 * {@link AdaptiveLimitConfig#sampleWindow()}), by the thread whose report closes it.
 *
 * <p>Thread-safe and lock-free; {@link #tryAcquire} and the reports allocate nothing (a new
 * admission table is built only when a window closes or the mode changes).
 */
public interface ConcurrencyLimiter {

    static Builder builder() {
        return new Builder();
    }

    /** A limiter with {@link AdaptiveLimitConfig#ofDefaults()} and the default shares. */
    static ConcurrencyLimiter ofDefaults() {
        return builder().build();
    }

    /**
     * Asks to start one request of {@code criticality}. When it returns true the caller must report
     * exactly one of {@link #onSuccess}, {@link #onDropped} or {@link #release} when it ends.
     */
    boolean tryAcquire(Criticality criticality);

    /** An admitted request finished after {@code rttNanos}; {@code nowNanos} is the time of this report. */
    void onSuccess(long nowNanos, long rttNanos);

    /**
     * An admitted request was dropped after {@code rttNanos}: it timed out or was refused
     * downstream for lack of capacity. The window it falls in lowers the limit.
     */
    void onDropped(long nowNanos, long rttNanos);

    /** An admitted request ended without a sample worth keeping (it was not made, or failed fast). */
    void release();

    /** The current limit, within the configured bounds. */
    int limit();

    /** Requests admitted and not yet reported; never negative, whatever callers report. */
    int inflight();

    /** Uses the shares configured for {@code mode}. */
    void mode(Mode mode);

    Mode mode();

    /** The shares in use for the current mode. */
    Shares shares();

    LimiterSnapshot snapshot();

    /** Builds a {@link ConcurrencyLimiter}; not thread-safe, use it from one thread. */
    final class Builder {
        private AdaptiveLimitConfig limit = AdaptiveLimitConfig.ofDefaults();
        private final Map<Mode, Shares> shares = new EnumMap<>(Mode.class);

        private Builder() {
            for (Mode mode : Mode.values()) {
                shares.put(mode, Shares.defaults(mode));
            }
        }

        public Builder limit(AdaptiveLimitConfig config) {
            this.limit = Objects.requireNonNull(config, "limit config must not be null");
            return this;
        }

        /** The shares to use in {@code mode} instead of {@link Shares#defaults(Mode)}. */
        public Builder shares(Mode mode, Shares modeShares) {
            shares.put(Objects.requireNonNull(mode, "mode must not be null"),
                    Objects.requireNonNull(modeShares, "shares must not be null"));
            return this;
        }

        public ConcurrencyLimiter build() {
            return new RealConcurrencyLimiter(limit, shares);
        }
    }
}
