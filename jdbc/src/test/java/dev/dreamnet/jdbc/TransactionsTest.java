package dev.dreamnet.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dreamnet.testing.LosingDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Work on lost connections runs again on another connection only when it cannot be applied twice. */
class TransactionsTest {

    private static final int MAX_ATTEMPTS = 4;

    private final JdbcDataSource h2 = new JdbcDataSource();
    private final LosingDataSource pool = new LosingDataSource(h2);
    private final Transactions transactions = new Transactions(pool, MAX_ATTEMPTS);

    @BeforeEach
    void createTable() throws SQLException {
        h2.setURL("jdbc:h2:mem:tx_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        execute("CREATE TABLE notes (id BIGINT PRIMARY KEY, text VARCHAR(50))");
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        execute("SHUTDOWN");
    }

    @Test
    void aWriteOnLostConnectionsRunsAgainOnAnotherOneAndAppliesOnce() throws SQLException {
        pool.loseNext(MAX_ATTEMPTS - 1);

        assertThat(transactions.write(insert(1))).isEqualTo(1);

        assertThat(pool.handedOut()).isEqualTo(MAX_ATTEMPTS);
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void aWriteGivesUpAfterMaxAttemptsLostConnections() {
        pool.loseNext(MAX_ATTEMPTS);

        assertThatThrownBy(() -> transactions.write(insert(1))).isInstanceOf(SQLException.class)
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo(LosingDataSource.TERMINATED);
        assertThat(pool.handedOut()).isEqualTo(MAX_ATTEMPTS);
    }

    @Test
    void aWriteWhoseCommitAnswerWasLostIsNeverRunAgainBecauseItMayHaveCommitted() throws SQLException {
        pool.loseNextCommitAnswer();

        assertThatThrownBy(() -> transactions.write(insert(1))).isInstanceOf(SQLException.class);

        assertThat(pool.handedOut()).isEqualTo(1);
        assertThat(count()).as("it did commit").isEqualTo(1);
    }

    @Test
    void anIdempotentWriteWhoseCommitAnswerWasLostRunsAgainAndTheKeyRefusesTheCopy() throws SQLException {
        pool.loseNextCommitAnswer();

        assertThatThrownBy(() -> transactions.writeIdempotent(insert(1))).isInstanceOf(SQLException.class)
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("23505");

        assertThat(pool.handedOut()).isEqualTo(2);
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void aFailureThatIsNotALostConnectionIsNotRunAgain() throws SQLException {
        transactions.write(insert(1));

        assertThatThrownBy(() -> transactions.write(insert(1))).isInstanceOf(SQLException.class);

        assertThat(pool.handedOut()).isEqualTo(2);
    }

    @Test
    void aReadOnALostConnectionRunsAgainOnAnotherOne() throws SQLException {
        transactions.write(insert(1));
        pool.loseNext(1);

        long count = transactions.read(TransactionsTest::countOn);

        assertThat(count).isEqualTo(1);
        assertThat(pool.handedOut()).isEqualTo(3);
    }

    private static Transactions.Work<Integer> insert(long id) {
        return connection -> {
            try (Statement statement = connection.createStatement()) {
                return statement.executeUpdate("INSERT INTO notes (id, text) VALUES (" + id + ", 'note')");
            }
        };
    }

    private long count() throws SQLException {
        try (Connection connection = h2.getConnection()) {
            return countOn(connection);
        }
    }

    private static long countOn(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM notes")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
