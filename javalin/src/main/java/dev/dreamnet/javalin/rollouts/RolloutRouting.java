package dev.dreamnet.javalin.rollouts;

import dev.dreamnet.javalin.http.RouteNames;
import dev.dreamnet.runtime.rollouts.RolloutService;
import dev.dreamnet.runtime.rollouts.Subjects;

import dev.dreamnet.core.rollout.Rollout;
import dev.dreamnet.core.rollout.Variant;
import dev.dreamnet.core.time.Clock;
import io.javalin.http.Context;

/**
 * The rollout middleware: {@link #assign} tells a handler which variant serves this request (and says
 * so in {@code X-Dreamnet-Variant}); once the request is answered, {@link #finished} records its outcome
 * (5xx = error) and latency on that side. The subject is the {@code X-User-Id} header, else the
 * {@code dreamnet_session} cookie, else random per request. With no active rollout of that name every
 * request is the baseline and nothing is recorded; a finished rollout (promoted or rolled back)
 * still says which side served, and records nothing more. Thread-safe.
 */
public final class RolloutRouting {

    public static final String SUBJECT_HEADER = Subjects.USER_HEADER;
    public static final String SESSION_COOKIE = Subjects.SESSION_COOKIE;
    public static final String VARIANT_HEADER = Subjects.VARIANT_HEADER;
    private static final String ROLLOUT = "dreamnet.rollout";
    private static final String VARIANT = "dreamnet.rollout-variant";
    private static final String STARTED = "dreamnet.rollout-started";

    private final RolloutService rollouts;
    private final Clock clock;

    public RolloutRouting(RolloutService rollouts, Clock clock) {
        this.rollouts = rollouts;
        this.clock = clock;
    }

    /** The variant that serves this request under rollout {@code name}. */
    public Variant assign(Context ctx, String name) {
        Rollout rollout = rollouts.find(name).orElse(null);
        Variant variant = Subjects.side(rollout, ctx.header(SUBJECT_HEADER), ctx.cookie(SESSION_COOKIE));
        if (rollout == null) {
            return variant;
        }
        ctx.header(VARIANT_HEADER, Subjects.header(variant));
        if (!rollout.state().status().isFinal()) {
            io.javalin.router.Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
            if (endpoint != null) {
                rollouts.servedOn(name, RouteNames.of(endpoint));
            }
            ctx.attribute(ROLLOUT, rollout);
            ctx.attribute(VARIANT, variant);
            ctx.attribute(STARTED, clock.nanoTime());
        }
        return variant;
    }

    /** The after-handler: records the request on the side that served it. */
    public void finished(Context ctx) {
        Rollout rollout = ctx.attribute(ROLLOUT);
        if (rollout == null) {
            return;
        }
        Variant variant = ctx.attribute(VARIANT);
        Long started = ctx.attribute(STARTED);
        rollout.record(variant, ctx.statusCode() >= 500, clock.nanoTime() - started);
    }
}
