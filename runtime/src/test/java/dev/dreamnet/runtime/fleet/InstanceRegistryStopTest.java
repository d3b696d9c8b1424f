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
        return new InstanceRegistry("test-1", () -> "http://127.0.0.1:1", this::noDatabase, null, downstreams,
                clock, clock, Runnable::run);
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
}
