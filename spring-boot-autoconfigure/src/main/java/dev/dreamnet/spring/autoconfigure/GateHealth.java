package dev.dreamnet.spring.autoconfigure;

import dev.dreamnet.core.health.GateSnapshot;
import dev.dreamnet.core.health.HealthGates;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * DreamNet's health gates as Spring health indicators, one per gate under {@code dreamnet}. Gates check on their own
 * schedule, each check bounded by its timeout, so an indicator only reads the gate's last result and never waits on
 * a dependency. A critical gate that is not ready is {@code DOWN}; a non-critical one is {@code DEGRADED}, a status
 * Spring's aggregation leaves out, so it shows without taking traffic away (as in DreamNet). Thread-safe.
 */
public final class GateHealth implements CompositeHealthContributor {

    /** A non-critical gate that is not ready: the service keeps taking traffic. */
    public static final Status DEGRADED = new Status("DEGRADED", "non-critical health gate not ready");

    private final HealthGates gates;

    public GateHealth(HealthGates gates) {
        this.gates = gates;
    }

    @Override
    public @Nullable HealthContributor getContributor(String name) {
        return gates.find(name).isPresent() ? indicator(name) : null;
    }

    @Override
    public Stream<Entry> stream() {
        return gates.snapshot().gates().stream().map(gate -> new Entry(gate.name(), indicator(gate.name())));
    }

    private HealthIndicator indicator(String name) {
        return () -> gates.find(name).map(gate -> health(gate.snapshot()))
                .orElseGet(() -> Health.unknown().withDetail("detail", "no such gate any more").build());
    }

    static Health health(GateSnapshot gate) {
        Status status = gate.ready() ? Status.UP : gate.critical() ? Status.DOWN : DEGRADED;
        Health.Builder health = Health.status(status).withDetail("critical", gate.critical())
                .withDetail("state", gate.state()).withDetail("checks", gate.checks());
        if (gate.lastResult() != null) {
            health.withDetail("detail", gate.lastResult().detail());
        }
        if (gate.lastCheckedAt() != null) {
            health.withDetail("lastCheckedAt", gate.lastCheckedAt().toString());
        }
        if (gate.lastDuration() != null) {
            health.withDetail("lastDurationMs", gate.lastDuration().toMillis());
        }
        return health.build();
    }
}
