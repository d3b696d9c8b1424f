package dev.dreamnet.jdbc.migrate.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * What the migrator needs to know about a database: how to lock out other migrators, and whether
 * DDL is transactional (PostgreSQL: yes; H2 and unknown databases: no, a DDL statement commits).
 */
public enum Dialect {
    POSTGRESQL(true),
    H2(false),
    OTHER(false);

    private final boolean transactionalDdl;

    Dialect(boolean transactionalDdl) {
        this.transactionalDdl = transactionalDdl;
    }

    public static Dialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("postgresql")) {
            return POSTGRESQL;
        }
        return product.equals("h2") ? H2 : OTHER;
    }

    /** Whether a failed transaction also undoes the DDL statements it ran. */
    public boolean transactionalDdl() {
        return transactionalDdl;
    }
}
