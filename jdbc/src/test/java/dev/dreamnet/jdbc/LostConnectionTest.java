package dev.dreamnet.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import org.junit.jupiter.api.Test;

class LostConnectionTest {

    @Test
    void aTerminatedBackendOrAConnectionExceptionIsALostConnection() {
        assertThat(LostConnection.is(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(LostConnection.is(new SQLException("I/O error", "08006"))).isTrue();
        assertThat(LostConnection.is(new SQLException("closed", "08003"))).isTrue();
    }

    @Test
    void aLostConnectionFurtherDownTheChainCounts() {
        SQLException batch = new SQLException("batch entry failed", "22000");
        batch.setNextException(new SQLException("I/O error", "08006"));

        assertThat(LostConnection.is(batch)).isTrue();
    }

    @Test
    void theStatementsOwnFailuresAreNot() {
        assertThat(LostConnection.is(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(LostConnection.is(new SQLException("no state"))).isFalse();
    }

    @Test
    void aTimeoutIsNotALostConnectionEvenWithAConnectionState() {
        assertThat(LostConnection.is(new SQLException("I/O error", "08006", new SocketTimeoutException("Read timed out"))))
                .isFalse();
        assertThat(LostConnection.is(new SQLTimeoutException("timed out", "08006"))).isFalse();
    }
}
