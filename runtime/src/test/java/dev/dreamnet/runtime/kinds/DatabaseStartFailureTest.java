package dev.dreamnet.runtime.kinds;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A database that refuses the pool says why, on the real PostgreSQL: the pool's own message was only that no
 * connection came in time, and the operator had to run {@code dreamnet doctor --db} to learn of the wrong name.
 */
class DatabaseStartFailureTest {

    @Test
    void aDatabaseThatDoesNotExistIsNamedInTheFailure() {
        String missing = "no_such_database_" + System.nanoTime();
        DatabaseComponent database = new DatabaseComponent("jdbc:postgresql://127.0.0.1:5432/" + missing
                + "?user=postgres", "SELECT 1", Duration.ofSeconds(1));

        assertThatThrownBy(database::start)
                .hasMessageContaining("Connection is not available")
                .hasMessageContaining("the database's last answer:")
                .hasMessageContaining(missing);
    }
}
