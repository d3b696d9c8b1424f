package dev.dreamnet.core.overload;

/**
 * What an {@link AdaptiveThrottle} looks like at one moment. Immutable and thread-safe.
 *
 * @param k           the configured multiplier
 * @param requests    requests counted in the window, shed ones included
 * @param accepts     requests the downstream accepted in the window
 * @param probability the probability with which the next request would be shed
 * @param rejected    requests shed locally since the throttle was created
 */
public record ThrottleSnapshot(double k, long requests, long accepts, double probability, long rejected) {
}
