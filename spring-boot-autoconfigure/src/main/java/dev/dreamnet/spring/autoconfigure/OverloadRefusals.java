package dev.dreamnet.spring.autoconfigure;

import dev.dreamnet.core.overload.Criticality;
import dev.dreamnet.runtime.overload.OverloadProtection;
import java.util.Locale;

/**
 * What overload protection answers a refused request, by criticality and then reason: written once, so that shedding
 * allocates nothing, at the first refusal rather than at start (they need Jackson's writer, whose classes a start need
 * not load). Shared by the servlet interceptor and the WebFlux filter. Immutable.
 */
final class OverloadRefusals {

    /** The {@code Retry-After} of a refusal: a second, the limit's own time scale. */
    static final String RETRY_AFTER_SECONDS = "1";

    private static final byte[][][] BODIES = new byte[Criticality.values().length][][];

    static {
        for (Criticality c : Criticality.values()) {
            String name = c.name();
            BODIES[c.ordinal()] = new byte[][] {
                ErrorBody.of("shed", name + " requests are over their share of the concurrency limit; "
                        + "more critical work is being served first. Retry after the Retry-After delay"),
                ErrorBody.of("overloaded", "the service is at its concurrency limit and refuses "
                        + name.toLowerCase(Locale.ROOT) + " requests for now. Retry after the Retry-After delay")};
        }
    }

    private OverloadRefusals() {
    }

    /** The JSON body refusing a request of {@code criticality} for {@code why}. */
    static byte[] body(Criticality criticality, OverloadProtection.Refusal why) {
        return BODIES[criticality.ordinal()][why.ordinal()];
    }

    /** The status of a refusal: 429 while more critical work may still go, 503 when the whole limit is in use. */
    static int status(OverloadProtection.Refusal why) {
        return why == OverloadProtection.Refusal.OVER_SHARE ? 429 : 503;
    }
}
