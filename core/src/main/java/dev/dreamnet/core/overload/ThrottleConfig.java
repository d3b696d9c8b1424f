package dev.dreamnet.core.overload;

import java.time.Duration;
import java.util.Objects;

/**
 * How an {@link AdaptiveThrottle} sheds calls. Immutable; the constructor names the setting that is wrong.
 *
 * @param k      how many requests per accepted one the client may send before it sheds locally; higher
 *               sheds later. 2 lets twice the accepted rate through. At least 1.
 * @param window how far back requests and accepts are counted; at least 1 s, at most 1 h
 */
public record ThrottleConfig(double k, Duration window) {

    /** The buckets a window is counted in: counts leave the window in steps of {@code window / BUCKETS}. */
    public static final int BUCKETS = 20;

    public ThrottleConfig {
        if (!(k >= 1 && k <= 100)) {
            throw new IllegalArgumentException("k must be >= 1 and <= 100, was " + k);
        }
        Objects.requireNonNull(window, "window must not be null");
        if (window.compareTo(Duration.ofSeconds(1)) < 0 || window.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("window must be >= 1s and <= 1h, was " + window);
        }
    }

    /** K 2, over the last 2 minutes, as in the SRE book. */
    public static ThrottleConfig ofDefaults() {
        return new ThrottleConfig(2.0, Duration.ofMinutes(2));
    }
}
