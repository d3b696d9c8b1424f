package dev.dreamnet.runtime.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.runtime.DreamNet;
import dev.dreamnet.testing.PostgresTestDatabase;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Two DreamNet instances in fleet mode on a PostgreSQL database of their own, both started and in the fleet;
 * {@link #close()} stops both and drops the database.
 */
public record FleetPair(PostgresTestDatabase database, DreamNet first, DreamNet second) implements AutoCloseable {

    /** Creates {@code <prefix>_<random>} on the machine's PostgreSQL and starts two instances on it. */
    public static FleetPair start(String prefix) throws Exception {
        PostgresTestDatabase database = PostgresTestDatabase.create(prefix);
        return new FleetPair(database, instance(database), instance(database));
    }

    private static DreamNet instance(PostgresTestDatabase database) throws Exception {
        DreamNet dreamnet = DreamNet.builder().environment(Map.of()).database(database.jdbcUrl())
                .shutdownGrace(Duration.ofSeconds(1)).build().start();
        dreamnet.started().get(20, TimeUnit.SECONDS);
        assertThat(dreamnet.fleetMode()).isPresent();
        return dreamnet;
    }

    @Override
    public void close() throws Exception {
        try {
            first.shutdown();
            second.shutdown();
        } finally {
            database.close();
        }
    }
}
