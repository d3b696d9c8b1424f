package dev.dreamnet.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;

class DialectTest {

    @Test
    void aUrlNamesItsDialect() {
        assertThat(Dialect.ofUrl("jdbc:postgresql://127.0.0.1:5432/test")).isEqualTo(Dialect.POSTGRESQL);
        assertThat(Dialect.ofUrl("jdbc:h2:mem:x")).isEqualTo(Dialect.H2);
        assertThat(Dialect.ofUrl("mysql://user:pw@db/x")).isEqualTo(Dialect.OTHER);
        assertThat(Dialect.ofUrl(null)).isEqualTo(Dialect.OTHER);
    }

    @Test
    void anH2ConnectionIsH2AndItsDdlIsNotTransactional() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:dialect")) {
            Dialect dialect = Dialect.of(connection);

            assertThat(dialect).isEqualTo(Dialect.H2);
            assertThat(dialect.transactionalDdl()).isFalse();
        }
        assertThat(Dialect.POSTGRESQL.transactionalDdl()).isTrue();
    }
}
