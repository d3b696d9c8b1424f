package dev.dreamnet.runtime.rollouts;

import dev.dreamnet.core.rollout.Rollout;
import dev.dreamnet.core.rollout.RolloutStatus;
import dev.dreamnet.runtime.audit.AuditLog;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What holds a running rollout's promotion: the routes it has served, as the web layer reports them, and a gate that
 * gives a reason from them (the runtime passes the error budgets of the objectives covering those routes). Holding and
 * releasing are audited once each. Thread-safe.
 */
final class PromotionGate {

    private static final Logger LOG = LoggerFactory.getLogger(PromotionGate.class);

    private final AuditLog audit;
    /** The route templates each rollout has served, by rollout name. */
    private final Map<String, Set<String>> routes = new ConcurrentHashMap<>();
    /** The rollouts held now, with the reason. */
    private final Map<String, String> held = new ConcurrentHashMap<>();
    private volatile Function<Set<String>, String> gate = served -> null;

    PromotionGate(AuditLog audit) {
        this.audit = audit;
    }

    void set(Function<Set<String>, String> gate) {
        this.gate = Objects.requireNonNull(gate, "gate");
    }

    /** Cheap once a route is known. */
    void servedOn(String name, String route) {
        Set<String> known = routes.get(name);
        if (known == null || !known.contains(route)) {
            routes.computeIfAbsent(name, n -> ConcurrentHashMap.newKeySet()).add(route);
        }
    }

    Set<String> routes(String name) {
        return Set.copyOf(routes.getOrDefault(name, Set.of()));
    }

    /** Why {@code rollout} may not promote now, or null; audited when it starts and when it stops holding. */
    String holds(Rollout rollout) {
        String name = rollout.config().name();
        String reason = rollout.state().status() == RolloutStatus.RUNNING ? gate.apply(routes(name)) : null;
        String before = reason == null ? held.remove(name) : held.put(name, reason);
        String state = RolloutService.describe(rollout.state());
        if (reason != null && before == null) {
            LOG.warn("rollout {}: promotion held: {}", name, reason);
            audit.record(RolloutService.AUTOMATIC, "rollout.hold", name, state, state, reason);
        } else if (reason == null && before != null) {
            LOG.info("rollout {}: promotion allowed again", name);
            audit.record(RolloutService.AUTOMATIC, "rollout.release", name, state, state,
                    "no objective covering its routes has spent its error budget any more");
        }
        return reason;
    }
}
