package dev.dreamnet.config.resilience;

import dev.dreamnet.core.overload.HedgeConfig;
import dev.dreamnet.core.overload.ThrottleConfig;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The outbound overload guards of one downstream, each off unless its file section sets it up:
 * a bulkhead (the most calls in flight), client-side adaptive throttling, and hedging of the calls
 * the code declares idempotent. Immutable and thread-safe.
 *
 * @param bulkhead the most calls in flight to the service, if capped
 * @param throttle client-side adaptive throttling, if on
 * @param hedge    hedging of idempotent calls, if on
 */
public record OutboundSettings(OptionalInt bulkhead, Optional<ThrottleConfig> throttle, Optional<HedgeConfig> hedge) {

    /** No bulkhead, no throttling, no hedging: calls go out as they come. */
    public static final OutboundSettings NONE = new OutboundSettings(OptionalInt.empty(), Optional.empty(),
            Optional.empty());

    public OutboundSettings {
        Objects.requireNonNull(bulkhead, "bulkhead must not be null; use OptionalInt.empty()");
        Objects.requireNonNull(throttle, "throttle must not be null; use Optional.empty()");
        Objects.requireNonNull(hedge, "hedge must not be null; use Optional.empty()");
    }
}
