package dev.dreamnet.spring.autoconfigure;

import dev.dreamnet.core.rollout.Variant;
import dev.dreamnet.core.time.Clock;
import dev.dreamnet.runtime.rollouts.Assignment;
import dev.dreamnet.runtime.rollouts.RolloutService;
import dev.dreamnet.runtime.rollouts.Subjects;
import org.springframework.http.HttpCookie;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@link DreamNetRouting} for Spring WebFlux: a handler asks {@link #assign} which side of a rollout serves the
 * exchange it is handling, and branches on the answer; once the response completes or fails, DreamNet's
 * {@link DreamNetWebFilter} records its outcome (a 5xx, or an error not yet answered, is an error) and latency on that
 * side, and the route it served; an exchange cancelled because the client went away is no evidence either way. The subject, the {@value Subjects#VARIANT_HEADER} header and what a missing or
 * finished rollout does are as in {@link DreamNetRouting}. Without the filter ({@code dreamnet.web.enabled=false})
 * nothing is recorded. Thread-safe.
 */
public final class DreamNetReactiveRouting {

    private static final String ASSIGNED = DreamNetReactiveRouting.class.getName() + ".assigned";

    private final RolloutService rollouts;
    private final Clock clock;

    public DreamNetReactiveRouting(RolloutService rollouts, Clock clock) {
        this.rollouts = rollouts;
        this.clock = clock;
    }

    /** The side of rollout {@code name} that serves {@code exchange}. */
    public Variant assign(ServerWebExchange exchange, String name) {
        HttpCookie session = exchange.getRequest().getCookies().getFirst(Subjects.SESSION_COOKIE);
        Assignment assigned = Subjects.assign(rollouts, name,
                exchange.getRequest().getHeaders().getFirst(Subjects.USER_HEADER),
                session == null ? null : session.getValue(), () -> DreamNetWebFilter.route(exchange), clock.nanoTime());
        if (assigned.named()) {
            exchange.getResponse().getHeaders().set(Subjects.VARIANT_HEADER, assigned.header());
        }
        if (assigned.recording()) {
            exchange.getAttributes().put(ASSIGNED, assigned);
        }
        return assigned.variant();
    }

    /** Records {@code exchange}'s outcome on the side {@link #assign} chose, if it chose one; called by the filter. */
    static void finished(ServerWebExchange exchange, int status, long nowNanos) {
        if (exchange.getAttribute(ASSIGNED) instanceof Assignment assigned) {
            assigned.finished(status, nowNanos);
        }
    }
}
