package dev.dreamnet.runtime.slo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.config.slo.SlosConfig;
import dev.dreamnet.core.metrics.RequestMetrics;
import dev.dreamnet.core.slo.Slo;
import dev.dreamnet.core.slo.SloState;
import dev.dreamnet.core.slo.SloStatus;
import dev.dreamnet.core.time.FakeClock;
import dev.dreamnet.runtime.ToolkitSchema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests recorded by the request metrics, sampled, written to the embedded database per minute and judged, all on
 * a fake clock: the budget burns as requests fail, pages in time and survives a restart.
 */
class SloServiceTest {

    private static final String ROUTE = "GET /api/dreams/{id}";
    private static final Slo READS = Slo.availability("reads", List.of(ROUTE), 0.999);
    private static final Slo FAST = Slo.latency("fast", List.of(ROUTE), 0.99, Duration.ofMillis(250));
    private static final SlosConfig CONFIG = SlosConfig.of(List.of(READS, FAST));

    private final FakeClock clock = new FakeClock();
    private final JdbcDataSource database = new JdbcDataSource();
    private RequestMetrics requests;
    private SloService service;

    @BeforeEach
    void setUp() throws Exception {
        database.setURL("jdbc:h2:mem:slo_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ToolkitSchema.ensure(database);
        start("instance-a");
    }

    @Test
    void aTotalOutagePagesWithinSixtySecondsOfSteadyTraffic() {
        traffic(Duration.ofHours(6), 200, Duration.ofMillis(20));

        int seconds = 0;
        while (service.status("reads").orElseThrow().state() != SloState.PAGE) {
            traffic(Duration.ofSeconds(5), 500, Duration.ofMillis(20));
            seconds += 5;
            assertThat(seconds).as("seconds of outage before the page").isLessThanOrEqualTo(60);
        }

        assertThat(seconds).isBetween(50, 60);
        // The latency objective is not about errors: fast 5xx are fast.
        assertThat(service.status("fast").orElseThrow().state()).isEqualTo(SloState.OK);
    }

    @Test
    void slowRequestsBurnTheLatencyBudgetOnly() {
        traffic(Duration.ofMinutes(10), 200, Duration.ofMillis(400));

        SloStatus fast = service.status("fast").orElseThrow();
        assertThat(fast.state()).isEqualTo(SloState.PAGE);
        assertThat(fast.burnRates().get("5m")).isCloseTo(100.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(service.status("reads").orElseThrow().state()).isEqualTo(SloState.OK);
    }

    @Test
    void aRestartKeepsTheBudget() {
        traffic(Duration.ofMinutes(30), 200, Duration.ofMillis(20));
        traffic(Duration.ofMinutes(1), 500, Duration.ofMillis(20));
        service.flushNow();
        SloStatus before = judgeNow();

        start("instance-b");
        service.tick();

        SloStatus after = service.status("reads").orElseThrow();
        assertThat(after.windowCounts()).isEqualTo(before.windowCounts());
        assertThat(after.budgetRemaining()).isEqualTo(before.budgetRemaining()).isLessThan(0);
        assertThat(after.state()).isEqualTo(SloState.PAGE);
    }

    @Test
    void aReloadedFileAddsAnObjectiveCountingFromThenAndDropsARemovedOne() {
        java.util.concurrent.atomic.AtomicReference<SlosConfig> file = new java.util.concurrent.atomic.AtomicReference<>(
                SlosConfig.of(List.of(READS)));
        service = new SloService(file::get, requests, new SloStore(() -> database, "instance-r"), clock);
        service.start();
        traffic(Duration.ofMinutes(1), 500, Duration.ofMillis(20));

        file.set(SlosConfig.of(List.of(FAST)));
        traffic(Duration.ofMinutes(1), 200, Duration.ofMillis(20));

        assertThat(service.statuses()).extracting(s -> s.slo().name()).containsExactly("fast");
        assertThat(service.status("fast").orElseThrow().windowCounts()).isEqualTo(
                new dev.dreamnet.core.slo.Counts(550, 0)); // from the first tick after the change, 5 s in
    }

    @Test
    void minutesOlderThanTheWindowAreDeleted() throws Exception {
        traffic(Duration.ofMinutes(3), 200, Duration.ofMillis(20));
        assertThat(rows()).isEqualTo(2 * 4);

        clock.advance(Duration.ofDays(31));
        service.tick();
        service.tick();

        assertThat(rows()).isZero();
    }

    @Test
    void summaryLinesSayWhatPagesAndHowMuchBudgetIsLeft() {
        traffic(Duration.ofMinutes(2), 500, Duration.ofMillis(20));

        assertThat(SloViews.attention(service.statuses())).first().asString()
                .startsWith("SLO reads is PAGE: PAGE: burn rate 1000.0x over 1h").contains("error budget left");
    }

    /** Requests each second for {@code duration}, ticking as the runtime does. */
    private void traffic(Duration duration, int status, Duration latency) {
        for (long s = 0; s < duration.toSeconds(); s++) {
            for (int i = 0; i < 10; i++) {
                requests.record(ROUTE, status, latency.toNanos());
            }
            clock.advance(Duration.ofSeconds(1));
            if (clock.nanoTime() % SloService.TICK.toNanos() == 0) {
                service.tick();
            }
        }
    }

    private SloStatus judgeNow() {
        service.tick();
        return service.status("reads").orElseThrow();
    }

    private void start(String instance) {
        requests = RequestMetrics.builder().clock(clock).build();
        service = new SloService(() -> CONFIG, requests, new SloStore(() -> database, instance), clock);
        service.start();
    }

    private long rows() throws Exception {
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM slo_minutes")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @SuppressWarnings("unused")
    private static List<String> names(List<SloStatus> statuses) {
        List<String> names = new ArrayList<>();
        statuses.forEach(s -> names.add(s.slo().name()));
        return names;
    }
}
