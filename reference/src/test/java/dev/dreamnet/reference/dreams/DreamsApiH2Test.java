package dev.dreamnet.reference.dreams;

/** The dreams API on the embedded H2 database, as {@code dreamnet serve} runs by default. */
class DreamsApiH2Test extends DreamsApiContract {

    @Override
    String jdbcUrl() {
        return null;
    }
}
