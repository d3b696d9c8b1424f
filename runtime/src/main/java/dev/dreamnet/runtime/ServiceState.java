package dev.dreamnet.runtime;

import dev.dreamnet.core.health.HealthGates;
import dev.dreamnet.core.health.OverallStatus;
import dev.dreamnet.core.startup.StartupDag;
import dev.dreamnet.core.startup.StartupStatus;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the service takes traffic, kept as one volatile answer that is recomputed only when
 * something it depends on changes (startup finished, a gate flipped, the API opened, drain
 * began), so the per-request check is a single read. Thread-safe.
 */
public final class ServiceState {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceState.class);

    private final HealthGates gates;
    private final List<Consumer<Readiness>> listeners = new CopyOnWriteArrayList<>();
    private volatile StartupDag dag;
    private volatile boolean apiOpen = true;
    private volatile boolean draining;
    private volatile StartupStatus startup = StartupStatus.NEW;
    private volatile Readiness readiness = new Readiness(false, "startup has not begun");

    /** Whether application routes are served, and why not. */
    public record Readiness(boolean ready, String reason) {
    }

    public ServiceState(HealthGates gates) {
        this.gates = gates;
    }

    /** Sets the startup graph this state reports on; called once, before startup begins. */
    public void attach(StartupDag startupDag) {
        this.dag = startupDag;
    }

    public Readiness readiness() {
        return readiness;
    }

    public boolean draining() {
        return draining;
    }

    public StartupStatus startupStatus() {
        return startup;
    }

    public StartupDag dag() {
        return dag;
    }

    public HealthGates gates() {
        return gates;
    }

    /** Opens or closes the application's routes; called by the runtime that owns this state. */
    public void apiOpen(boolean open) {
        apiOpen = open;
        refresh();
    }

    /** Records the startup graph's progress; called by the runtime that owns this state. */
    public void startup(StartupStatus status) {
        startup = status;
        refresh();
    }

    /** Marks the service draining (shutdown began): not ready from now on. */
    public void beginDrain() {
        draining = true;
        refresh();
    }

    /**
     * Tells {@code listener} each time the service turns ready or not ready, with the new answer. Called outside any
     * lock on the thread that made the change; two changes close together may be heard out of order, so a listener
     * that must end on the latest answer reads {@link #readiness()} again.
     */
    public void addListener(Consumer<Readiness> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Recomputes the answer; called whenever an input changes. */
    public void refresh() {
        Readiness before;
        Readiness after;
        synchronized (this) {
            before = readiness;
            after = compute();
            readiness = after;
        }
        if (before.ready() != after.ready()) {
            for (Consumer<Readiness> listener : listeners) {
                try {
                    listener.accept(after);
                } catch (RuntimeException e) {
                    LOG.warn("readiness listener {} failed on {}", listener, after, e);
                }
            }
        }
    }

    private Readiness compute() {
        if (draining) {
            return new Readiness(false, "shutting down: draining in-flight requests");
        }
        if (!startup.isUp()) {
            return new Readiness(false, startup == StartupStatus.FAILED
                    ? "startup failed: " + dag.snapshot().reason() : "startup in progress");
        }
        if (!apiOpen) {
            return new Readiness(false, "the api service is not running");
        }
        OverallStatus status = gates.status();
        if (!status.takesTraffic()) {
            return new Readiness(false, "critical health gates not ready: " + String.join(", ",
                    gates.snapshot().gates().stream().filter(g -> g.critical() && !g.ready()).map(g -> g.name()).toList()));
        }
        return new Readiness(true, status == OverallStatus.DEGRADED ? "degraded: non-critical gates not ready" : "ready");
    }
}
