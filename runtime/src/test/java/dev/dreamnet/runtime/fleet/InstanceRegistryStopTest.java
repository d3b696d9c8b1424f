package dev.dreamnet.runtime.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.core.time.ManualScheduler;
import dev.dreamnet.core.time.Sleeper;
import dev.dreamnet.runtime.resilience.Downstreams;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class InstanceRegistryStopTest {

    private final ManualScheduler clock = new ManualScheduler();
    private final AtomicInteger databaseAsked = new AtomicInteger();

    private InstanceRegistry registry() {
        Downstreams downstreams = new Downstreams(Downstreams.defaults(), clock, Sleeper.system(), t -> { });
        return new InstanceRegistry("test-1", () -> "http://127.0.0.1:1", this::noDatabase, () -> true, null,
                downstreams, clock, clock, Runnable::run);
    }

    private DataSource noDatabase() {
        databaseAsked.incrementAndGet();
        throw new IllegalStateException("database is not started");
    }

    /** A refused --flags file logged "fleet: could not remove instance ... (database is not started)" on the way out. */
    @Test
    void stoppingARegistryThatNeverStartedDoesNotTryToRemoveItsRow() {
        registry().stop();

        assertThat(databaseAsked).hasValue(0);
    }

    @Test
    void whileTheStoreIsNotOpenItListsThisInstanceAloneAndNeverAsksForTheDatabase() throws Exception {
        Downstreams downstreams = new Downstreams(Downstreams.defaults(), clock, Sleeper.system(), t -> { });
        dev.dreamnet.core.flags.FlagSnapshot flags = new dev.dreamnet.runtime.flags.FlagService(null,
                dev.dreamnet.runtime.flags.BootSwitches.from(java.util.Map.of()), null).snapshot();
        InstanceRegistry registry = new InstanceRegistry("test-1", () -> "http://127.0.0.1:1", this::noDatabase,
                () -> false, () -> flags, downstreams, clock, clock, Runnable::run);

        registry.start();
        registry.beatSoon();

        assertThat(registry.live()).extracting(InstanceRegistry.Instance::id).containsExactly("test-1");
        assertThat(registry.converged(flags.state().version())).isTrue();
        registry.stop();
        assertThat(databaseAsked).as("a heartbeat, a read or leaving opens nothing").hasValue(0);
    }
}
