package dev.dreamnet.jdbc.queue.internal;

import dev.dreamnet.core.queue.QueueException;
import java.sql.Connection;
import java.sql.SQLException;

/** What differs between the databases the embedded queue runs on. Immutable. */
public enum Dialect {
    H2("BINARY VARYING"),
    POSTGRESQL("BYTEA");

    private final String binaryType;

    Dialect(String binaryType) {
        this.binaryType = binaryType;
    }

    /** The column type of message payloads. */
    public String binaryType() {
        return binaryType;
    }

    /**
     * The dialect of the database {@code connection} talks to.
     *
     * @throws QueueException naming the database, if it is neither H2 nor PostgreSQL
     */
    public static Dialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        if ("H2".equalsIgnoreCase(product)) {
            return H2;
        }
        if ("PostgreSQL".equalsIgnoreCase(product)) {
            return POSTGRESQL;
        }
        throw new QueueException("the embedded queue runs on H2 and PostgreSQL, not on " + product);
    }
}
