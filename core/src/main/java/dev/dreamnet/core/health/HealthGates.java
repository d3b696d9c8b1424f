package dev.dreamnet.core.health;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The service's gates, in registration order, and the {@link OverallStatus} they add up to (READY
 * with no gates at all). Gates added after {@link #start()} start at once. Thread-safe: changes are
 * serialized on {@code this} (so a gate is never started after its removal), while {@link #status()}
 * and {@link #snapshot()} read an immutable list without locking and never wait for a change (so
 * a gate's listener may read the registry even while {@link #start()} runs its first check).
 */
public final class HealthGates {

    /** Written under {@code this}, read lock-free. */
    private volatile List<HealthGate> gates = List.of();
    /** Guarded by {@code this}. */
    private boolean started;

    /** Registers {@code gate}, starting it if the registry is started; names must be unique. */
    public synchronized void add(HealthGate gate) {
        Objects.requireNonNull(gate, "gate");
        if (find(gate.name()).isPresent()) {
            throw new IllegalArgumentException("health gate \"" + gate.name() + "\" is already registered");
        }
        List<HealthGate> next = new ArrayList<>(gates);
        next.add(gate);
        gates = List.copyOf(next);
        if (started) {
            gate.start();
        }
    }

    /** Stops and unregisters the gate called {@code name}; returns it, or empty if there is none. */
    public synchronized Optional<HealthGate> remove(String name) {
        Optional<HealthGate> gate = find(name);
        gate.ifPresent(removed -> {
            List<HealthGate> next = new ArrayList<>(gates);
            next.remove(removed);
            gates = List.copyOf(next);
            removed.stop();
        });
        return gate;
    }

    /** The gate called {@code name}, if registered. */
    public Optional<HealthGate> find(String name) {
        return gates.stream().filter(gate -> gate.name().equals(name)).findFirst();
    }

    /** Starts every gate (each runs its first check now). Idempotent. */
    public synchronized void start() {
        started = true;
        gates.forEach(HealthGate::start);
    }

    /** Stops every gate. Idempotent. */
    public synchronized void stop() {
        started = false;
        gates.forEach(HealthGate::stop);
    }

    public OverallStatus status() {
        return snapshot().status();
    }

    /** Whether the service may take traffic: every critical gate is ready (READY or DEGRADED). */
    public boolean isReady() {
        return status().takesTraffic();
    }

    /** Every gate as it is now, in registration order, with the status they add up to. */
    public HealthReport snapshot() {
        return HealthReport.of(gates.stream().map(HealthGate::snapshot).toList());
    }
}
