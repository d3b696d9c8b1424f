package dev.dreamnet.jdbc.migrate;

/** The no-op fast path on the real PostgreSQL at 127.0.0.1:5432, in a database of its own. */
class NoOpFastPathPostgresTest extends NoOpFastPathContract {

    @Override
    TestDb newDb() {
        return TestDb.postgres();
    }
}
