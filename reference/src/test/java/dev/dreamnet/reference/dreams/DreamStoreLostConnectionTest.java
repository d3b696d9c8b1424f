package dev.dreamnet.reference.dreams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.dreamnet.core.time.FakeClock;
import dev.dreamnet.jdbc.Transactions;
import dev.dreamnet.testing.LosingDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Regression: a write on a pooled connection that the database had terminated failed the request
 * (503) although it never reached the database. Now it runs again on another connection, and a
 * retry can never leave a second copy of the dream, not even after a COMMIT whose answer was lost.
 */
class DreamStoreLostConnectionTest {

    private final JdbcDataSource h2 = new JdbcDataSource();
    private final LosingDataSource pool = new LosingDataSource(h2);
    private final DreamStore store = new DreamStore(new Transactions(pool, 3), new FakeClock());

    @BeforeEach
    void createSchema() throws SQLException {
        h2.setURL("jdbc:h2:mem:store_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        store.createSchema();
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }

    @Test
    void aDreamWrittenOnATerminatedConnectionIsWrittenOnAnotherOne() throws SQLException {
        pool.loseNext(2);

        Dream dream = store.create("lost twice", "then written");

        assertThat(store.list(10, Long.MAX_VALUE)).extracting(Dream::id, Dream::title, Dream::body)
                .containsExactly(tuple(dream.id(), "lost twice", "then written"));
    }

    @Test
    void aDreamWhoseCommitAnswerWasLostIsAcknowledgedOnceAndStoredOnce() throws SQLException {
        int before = pool.handedOut();
        pool.loseNextCommitAnswer();

        Dream dream = store.create("committed", "but the answer was lost");

        assertThat(pool.handedOut() - before).as("run again on another connection").isEqualTo(2);
        assertThat(store.list(10, Long.MAX_VALUE)).extracting(Dream::id, Dream::title)
                .containsExactly(tuple(dream.id(), "committed"));
    }
}
