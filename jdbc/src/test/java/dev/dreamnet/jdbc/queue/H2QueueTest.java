package dev.dreamnet.jdbc.queue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The embedded queue's contract on an H2 in-memory database of this class's own. */
class H2QueueTest extends EmbeddedQueueContract {

    private static TestDatabase database;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.h2();
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
    void runsOnH2() {
        assertThat(backend.dialect()).isEqualTo("H2");
    }

    @Test
    void fourConsumersOnTwoInstancesProcessEachOf2000MessagesExactlyOnceNeverTwoAtATime() throws Exception {
        ConcurrentConsumers drain = new ConcurrentConsumers();

        assertThat(drain.run(database)).as("all consumers finished within a minute").isTrue();
        drain.assertEachMessageSucceededExactlyOnceAndNeverOverlapped();
    }
}
