package dev.dreamnet.jdbc.migrate;

/** The migrator contract on an in-memory H2 database. */
class MigratorH2Test extends MigratorContract {

    @Override
    TestDb newDb() {
        return TestDb.h2();
    }
}
