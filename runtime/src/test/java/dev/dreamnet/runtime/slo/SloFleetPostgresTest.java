package dev.dreamnet.runtime.slo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.config.slo.SlosConfig;
import dev.dreamnet.core.metrics.RequestMetrics;
import dev.dreamnet.core.slo.Slo;
import dev.dreamnet.core.slo.SloState;
import dev.dreamnet.core.time.FakeClock;
import dev.dreamnet.runtime.ToolkitSchema;
import dev.dreamnet.testing.PostgresTestDatabase;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** Two instances on the real PostgreSQL: errors on one of them burn the fleet's budget, judged the same on both. */
class SloFleetPostgresTest {

    private static final String ROUTE = "GET /api/dreams/{id}";
    private static final SlosConfig CONFIG = SlosConfig.of(List.of(Slo.availability("reads", List.of(ROUTE), 0.999)));

    private final FakeClock clock = new FakeClock();
    private PostgresTestDatabase database;
    private PGSimpleDataSource dataSource;

    @BeforeEach
    void setUp() throws Exception {
        database = PostgresTestDatabase.create("dreamnet_slo");
        dataSource = new PGSimpleDataSource();
        dataSource.setURL(database.jdbcUrl());
        ToolkitSchema.ensure(dataSource);
    }

    @AfterEach
    void tearDown() throws Exception {
        database.close();
    }

    @Test
    void errorsOnOneInstanceGiveBothTheSameState() {
        RequestMetrics healthy = RequestMetrics.builder().clock(clock).build();
        RequestMetrics failing = RequestMetrics.builder().clock(clock).build();
        SloService a = service(healthy, "a");
        SloService b = service(failing, "b");

        for (int s = 1; s <= 30 * 60; s++) {
            boolean outage = s > 29 * 60;
            for (int i = 0; i < 10; i++) {
                healthy.record(ROUTE, 200, 1_000_000);
                failing.record(ROUTE, outage ? 500 : 200, 1_000_000);
            }
            clock.advance(Duration.ofSeconds(1));
            if (s % 5 == 0) {
                a.tick();
                b.tick();
            }
        }
        a.flushNow();
        b.flushNow();
        a.tick();
        b.tick();

        var onA = a.status("reads").orElseThrow();
        var onB = b.status("reads").orElseThrow();
        assertThat(onA.state()).isEqualTo(SloState.PAGE);
        assertThat(onB.state()).isEqualTo(SloState.PAGE);
        assertThat(onA.windowCounts()).isEqualTo(onB.windowCounts());
        assertThat(onA.windowCounts().bad()).isEqualTo(600);
        assertThat(onA.windowCounts().total()).isEqualTo(2 * 10 * 30 * 60);
        assertThat(onA.burnRates()).isEqualTo(onB.burnRates());
    }

    private SloService service(RequestMetrics requests, String instance) {
        SloService service = new SloService(() -> CONFIG, requests, new SloStore(() -> dataSource, instance), clock);
        service.start();
        return service;
    }
}
