package dev.dreamnet.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Which database a connection or a JDBC URL talks to, as far as the toolkit's SQL differs: PostgreSQL,
 * H2, or another it has no special SQL for. The one place that tells them apart (the migrator, the
 * embedded queue and fleet mode all ask it). Immutable.
 */
public enum Dialect {
    POSTGRESQL(true),
    H2(false),
    OTHER(false);

    private final boolean transactionalDdl;

    Dialect(boolean transactionalDdl) {
        this.transactionalDdl = transactionalDdl;
    }

    /** The dialect of the database {@code connection} talks to, from the product name its driver reports. */
    public static Dialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("postgresql")) {
            return POSTGRESQL;
        }
        return product.equals("h2") ? H2 : OTHER;
    }

    /** The dialect {@code jdbcUrl} names ({@code jdbc:postgresql:...}, {@code jdbc:h2:...}); OTHER for null or any other. */
    public static Dialect ofUrl(String jdbcUrl) {
        if (jdbcUrl == null) {
            return OTHER;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        return jdbcUrl.startsWith("jdbc:h2:") ? H2 : OTHER;
    }

    /** Whether a failed transaction also undoes the DDL statements it ran (PostgreSQL: yes; H2: no, DDL commits). */
    public boolean transactionalDdl() {
        return transactionalDdl;
    }
}
