package dev.dreamnet.core.overload;

import java.util.Locale;
import java.util.Objects;

/**
 * How much a request matters when there is not enough capacity for all of them. Under load the
 * limiter refuses SHEDDABLE work first, DEFAULT work next and CRITICAL work last.
 */
public enum Criticality {
    /** Must be served if anything is: logins, payments, the calls other services wait on. */
    CRITICAL,
    /** Ordinary work. */
    DEFAULT,
    /** Nice to have: prefetches, recommendations, batch work that can retry later. */
    SHEDDABLE;

    /**
     * The criticality named by {@code text}, ignoring case and surrounding blanks.
     *
     * @throws IllegalArgumentException naming the value and the accepted ones if it names none
     */
    public static Criticality parse(String text) {
        Objects.requireNonNull(text, "criticality must not be null");
        String name = text.strip().toUpperCase(Locale.ROOT);
        for (Criticality criticality : values()) {
            if (criticality.name().equals(name)) {
                return criticality;
            }
        }
        throw new IllegalArgumentException("unknown criticality \"" + text
                + "\" (expected CRITICAL, DEFAULT or SHEDDABLE)");
    }
}
