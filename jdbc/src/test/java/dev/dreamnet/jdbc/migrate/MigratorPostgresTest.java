package dev.dreamnet.jdbc.migrate;

/** The migrator contract on the real PostgreSQL at 127.0.0.1:5432, in a database of its own. */
class MigratorPostgresTest extends MigratorContract {

    @Override
    TestDb newDb() {
        return TestDb.postgres();
    }
}
