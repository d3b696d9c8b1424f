package dev.dreamnet.javalin.rollouts;

import dev.dreamnet.javalin.http.RouteNames;
import dev.dreamnet.runtime.rollouts.Assignment;
import dev.dreamnet.runtime.rollouts.RolloutService;
import dev.dreamnet.runtime.rollouts.Subjects;

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
    private static final String ASSIGNED = "dreamnet.rollout-assignment";

    private final RolloutService rollouts;
    private final Clock clock;

    public RolloutRouting(RolloutService rollouts, Clock clock) {
        this.rollouts = rollouts;
        this.clock = clock;
    }

    /** The variant that serves this request under rollout {@code name}. */
    public Variant assign(Context ctx, String name) {
        Assignment assigned = Subjects.assign(rollouts, name, ctx.header(SUBJECT_HEADER), ctx.cookie(SESSION_COOKIE),
                () -> {
                    io.javalin.router.Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
                    return endpoint == null ? null : RouteNames.of(endpoint);
                }, clock.nanoTime());
        if (assigned.named()) {
            ctx.header(VARIANT_HEADER, assigned.header());
        }
        if (assigned.recording()) {
            ctx.attribute(ASSIGNED, assigned);
        }
        return assigned.variant();
    }

    /** The after-handler: records the request on the side that served it. */
    public void finished(Context ctx) {
        Assignment assigned = ctx.attribute(ASSIGNED);
        if (assigned != null) {
            assigned.finished(ctx.statusCode(), clock.nanoTime());
        }
    }
}
