package dev.dreamnet.spring.autoconfigure;

import dev.dreamnet.core.overload.Criticality;
import dev.dreamnet.runtime.auth.AccessControl;
import dev.dreamnet.runtime.overload.OverloadProtection;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What overload protection does with a request, under Spring MVC ({@link OverloadInterceptor}) and Spring WebFlux
 * ({@link DreamNetOverloadWebFilter}) alike: which paths it never limits (the actuator, the application's
 * {@code /api/admin/} and {@code /api/observability/}), a request's class (its route's, unless the criticality header
 * lowers it, or raises it for a caller with a token), and the answer to a refused request, by criticality and then
 * reason: written once, so that shedding allocates nothing, at the first refusal rather than at start (they need
 * Jackson's writer, whose classes a start need not load). Thread-safe.
 */
final class OverloadRules {

    /** The {@code Retry-After} of a refusal: a second, the limit's own time scale. */
    static final String RETRY_AFTER_SECONDS = "1";

    /** The refusal bodies, built at the first refusal, not when the rules are made at start. */
    private static final class Bodies {
        static final byte[][][] BODIES = new byte[Criticality.values().length][][];

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
    }

    private final OverloadProtection protection;
    private final AccessControl access;
    private final ManagementPaths management;

    OverloadRules(OverloadProtection protection, AccessControl access, ManagementPaths management) {
        this.protection = protection;
        this.access = access;
        this.management = management;
    }

    /** Whether a request to {@code path} (within the application) is never limited. */
    boolean unlimited(String path) {
        return management.isActuator(path) || path.startsWith("/api/admin/") || path.startsWith("/api/observability/");
    }

    /** The class of a request to {@code route} whose headers, by name, are {@code headers}. */
    Criticality classify(String route, UnaryOperator<String> headers) {
        Optional<String> header = protection.header();
        String requested = header.isPresent() ? headers.apply(header.get()) : null;
        boolean trusted = requested != null && access.trusts(headers.apply("Authorization"));
        return protection.classify(route, requested, trusted);
    }

    /** The JSON body refusing a request of {@code criticality} for {@code why}. */
    static byte[] body(Criticality criticality, OverloadProtection.Refusal why) {
        return Bodies.BODIES[criticality.ordinal()][why.ordinal()];
    }

    /** The status of a refusal: 429 while more critical work may still go, 503 when the whole limit is in use. */
    static int status(OverloadProtection.Refusal why) {
        return why == OverloadProtection.Refusal.OVER_SHARE ? 429 : 503;
    }
}
