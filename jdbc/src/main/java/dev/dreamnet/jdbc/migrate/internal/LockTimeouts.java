package dev.dreamnet.jdbc.migrate.internal;

import java.sql.SQLException;

/** Recognises "gave up waiting for a lock" errors: PostgreSQL 55P03, H2 HYT00 / 50200. Stateless. */
final class LockTimeouts {

    private LockTimeouts() {
    }

    static boolean isTimeout(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause()) {
            if (e instanceof SQLException sql
                    && ("55P03".equals(sql.getSQLState()) || "HYT00".equals(sql.getSQLState())
                    || sql.getErrorCode() == 50200)) {
                return true;
            }
        }
        return false;
    }
}
