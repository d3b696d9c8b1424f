package dev.dreamnet.core.overload;

import java.util.Locale;

/**
 * An {@link AdaptiveThrottle} shed a call locally: the downstream has recently accepted too few of
 * the calls made to it. The message names the downstream, the counts and the rejection probability.
 * Thread-safe (immutable).
 */
public final class ThrottledException extends LocallyRejectedException {

    private final double probability;

    public ThrottledException(String downstream, long requests, long accepts, double probability) {
        super(downstream, String.format(Locale.ROOT, "adaptive throttle \"%s\" rejected the call locally "
                + "(probability %.3f: %d requests, %d accepted in the window)", downstream, probability, requests,
                accepts));
        this.probability = probability;
    }

    /** The probability with which calls were being rejected when this one was. */
    public double probability() {
        return probability;
    }
}
