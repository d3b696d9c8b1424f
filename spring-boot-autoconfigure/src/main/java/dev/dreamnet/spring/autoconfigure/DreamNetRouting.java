package dev.dreamnet.spring.autoconfigure;

import dev.dreamnet.core.rollout.Variant;
import dev.dreamnet.core.time.Clock;
import dev.dreamnet.runtime.rollouts.Assignment;
import dev.dreamnet.runtime.rollouts.RolloutService;
import dev.dreamnet.runtime.rollouts.Subjects;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Rollouts on a Spring MVC application's requests: a handler asks {@link #assign} which side of a rollout serves the
 * request it is handling, and branches on the answer; once the request is answered, DreamNet's servlet filter records
 * its outcome (a 5xx is an error) and latency on that side, which is the evidence the rollout is judged on, and the
 * route it served (what an objective's error budget holds it by). The subject is the {@value Subjects#USER_HEADER}
 * header, else the {@value Subjects#SESSION_COOKIE} cookie, else random per request; the response says which side
 * served in {@value Subjects#VARIANT_HEADER}. With no rollout of that name every request is the baseline and nothing is
 * recorded; a finished one (promoted or rolled back) still says which side served and records nothing more. Without
 * the filter ({@code dreamnet.web.enabled=false}) nothing is recorded. {@link DreamNetReactiveRouting} is the same for
 * Spring WebFlux. Thread-safe.
 */
public final class DreamNetRouting {

    private static final String ASSIGNED = DreamNetRouting.class.getName() + ".assigned";

    private final RolloutService rollouts;
    private final Clock clock;

    public DreamNetRouting(RolloutService rollouts, Clock clock) {
        this.rollouts = rollouts;
        this.clock = clock;
    }

    /** The side of rollout {@code name} that serves {@code request}. */
    public Variant assign(HttpServletRequest request, String name) {
        Assignment assigned = Subjects.assign(rollouts, name, request.getHeader(Subjects.USER_HEADER), session(request),
                () -> DreamNetFilter.route(request), clock.nanoTime());
        // Spring MVC's dispatcher holds the response of the request it is handling on this thread.
        if (assigned.named() && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes current
                && current.getResponse() != null) {
            current.getResponse().setHeader(Subjects.VARIANT_HEADER, assigned.header());
        }
        if (assigned.recording()) {
            request.setAttribute(ASSIGNED, assigned);
        }
        return assigned.variant();
    }

    /** Records {@code request}'s outcome on the side {@link #assign} chose, if it chose one; called by the filter. */
    static void finished(HttpServletRequest request, int status, long nowNanos) {
        if (request.getAttribute(ASSIGNED) instanceof Assignment assigned) {
            assigned.finished(status, nowNanos);
        }
    }

    private static String session(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (Subjects.SESSION_COOKIE.equals(cookie.getName())) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }
}
