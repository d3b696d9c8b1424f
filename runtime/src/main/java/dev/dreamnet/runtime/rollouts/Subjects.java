package dev.dreamnet.runtime.rollouts;

import dev.dreamnet.core.rollout.Rollout;
import dev.dreamnet.core.rollout.Variant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Who a request is, for a rollout's sticky assignment, as every web layer reads it: the {@value #USER_HEADER} header,
 * else the {@value #SESSION_COOKIE} cookie, else a random subject for that request alone; and the
 * {@value #VARIANT_HEADER} header that tells the client which side served it. Stateless.
 */
public final class Subjects {

    public static final String USER_HEADER = "X-User-Id";
    public static final String SESSION_COOKIE = "dreamnet_session";
    public static final String VARIANT_HEADER = "X-Dreamnet-Variant";

    private Subjects() {
    }

    /** The subject of a request with user header {@code user} and session cookie {@code session}, either may be null. */
    private static String of(String user, String session) {
        if (user != null && !user.isBlank()) {
            return user;
        }
        if (session != null && !session.isBlank()) {
            return session;
        }
        return Long.toHexString(ThreadLocalRandom.current().nextLong());
    }

    /**
     * The side of {@code rollout} that serves a request with user header {@code user} and session cookie
     * {@code session}: the baseline when there is no such rollout (null) or it is at 0%.
     */
    static Variant side(Rollout rollout, String user, String session) {
        return rollout == null || rollout.percent() == 0 ? Variant.BASELINE : rollout.assign(of(user, session));
    }

    /**
     * Assigns a request to a side of rollout {@code name}: with user header {@code user} and session cookie
     * {@code session} (either may be null), served by {@code route} (a template such as {@code GET /api/dreams/{id}},
     * read only while the rollout is active; null when unknown), at {@code nowNanos}. While the rollout is active the
     * route is recorded as one it serves.
     */
    public static Assignment assign(RolloutService rollouts, String name, String user, String session,
                                    Supplier<String> route, long nowNanos) {
        Rollout rollout = rollouts.find(name).orElse(null);
        Variant variant = side(rollout, user, session);
        boolean recording = rollout != null && !rollout.state().status().isFinal();
        if (recording) {
            String served = route.get();
            if (served != null) {
                rollouts.servedOn(name, served);
            }
        }
        return new Assignment(rollout, variant, recording, nowNanos);
    }

    /** {@code canary} or {@code baseline}, the value of {@value #VARIANT_HEADER}. */
    public static String header(Variant variant) {
        return variant == Variant.CANARY ? "canary" : "baseline";
    }
}
