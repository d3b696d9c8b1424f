package dev.dreamnet.jdbc.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The embedded queue's contract on a PostgreSQL database {@code q_<random>} of this class's own, dropped after. */
class PostgresQueueTest extends EmbeddedQueueContract {

    private static TestDatabase database;

    @BeforeAll
    static void createDatabase() throws SQLException {
        database = TestDatabase.postgres();
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        database.close();
    }

    @Override
    TestDatabase database() {
        return database;
    }

    @Test
    void runsOnPostgresql() {
        assertThat(backend.dialect()).isEqualTo("POSTGRESQL");
    }

    @Test
    void fourConsumersOnTwoInstancesProcessEachOf2000MessagesExactlyOnceNeverTwoAtATime() throws Exception {
        ConcurrentConsumers drain = new ConcurrentConsumers();

        assertThat(drain.run(database)).as("all consumers finished within a minute").isTrue();
        drain.assertEachMessageSucceededExactlyOnceAndNeverOverlapped();
    }
}
