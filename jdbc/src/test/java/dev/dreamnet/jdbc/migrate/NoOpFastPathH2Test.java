package dev.dreamnet.jdbc.migrate;

/** The no-op fast path on an in-memory H2 database. */
class NoOpFastPathH2Test extends NoOpFastPathContract {

    @Override
    TestDb newDb() {
        return TestDb.h2();
    }
}
