package dev.dreamnet.runtime.fleet;

import dev.dreamnet.core.time.Clock;
import dev.dreamnet.core.time.Sleeper;
import dev.dreamnet.jdbc.Dialect;
import dev.dreamnet.runtime.flags.FlagService;
import dev.dreamnet.runtime.overload.AutomaticBrownout;
import dev.dreamnet.runtime.resilience.Downstreams;
import dev.dreamnet.runtime.rollouts.RolloutService;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fleet mode, on whenever the database is PostgreSQL: the operators' state and the rollouts are
 * shared through {@link SharedState}, followed by a {@link StateListener}, and each followed
 * version is reported in this instance's heartbeat so convergence can be seen and waited for. On the
 * embedded database there is one instance and nothing to share. Thread-safe.
 */
public final class FleetMode {

    private static final Logger LOG = LoggerFactory.getLogger(FleetMode.class);

    private final SharedState shared;
    private final StateListener listener;
    private final InstanceRegistry registry;

    private FleetMode(SharedState shared, StateListener listener, InstanceRegistry registry) {
        this.shared = shared;
        this.listener = listener;
        this.registry = registry;
    }

    /** Fleet mode for {@code jdbcUrl} if it names PostgreSQL; empty otherwise. */
    public static Optional<FleetMode> forDatabase(String jdbcUrl, Supplier<DataSource> pool, InstanceRegistry registry,
                                                  Downstreams downstreams, Clock clock) {
        if (Dialect.ofUrl(jdbcUrl) != Dialect.POSTGRESQL) {
            return Optional.empty();
        }
        SharedState shared = new SharedState(pool, downstreams, clock, registry.id());
        return Optional.of(new FleetMode(shared, new StateListener(jdbcUrl, shared, clock, Sleeper.system()), registry));
    }

    /** {@link #start}, logged; false (and logged) when the shared state cannot be read: the instance must not serve. */
    public boolean join(FlagService flags, RolloutService rollouts, AutomaticBrownout brownout) {
        try {
            start(flags, rollouts, brownout);
            LOG.info("fleet mode: following the shared state in PostgreSQL at version {}", shared.version());
            return true;
        } catch (Exception e) {
            LOG.error("fleet mode: cannot read the shared state ({}); this instance will not take traffic", e.getMessage());
            return false;
        }
    }

    /**
     * Catches up with the fleet (before this instance reports ready), then follows it: rollouts
     * first, then flags and the pin of automatic brownout, then a heartbeat that reports the version followed.
     */
    void start(FlagService flags, RolloutService rollouts, AutomaticBrownout brownout) throws Exception {
        rollouts.share(shared, () -> registry.converged(shared.version()));
        flags.share(shared);
        brownout.share(shared);
        shared.addFollower((c, from, row) -> registry.beatSoon());
        shared.start();
        flags.shareBootSwitches();
        listener.start();
    }

    /** Stops following; the judge's lock, if held, is freed at once. */
    public void stop() {
        try {
            listener.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public SharedState shared() {
        return shared;
    }
}
