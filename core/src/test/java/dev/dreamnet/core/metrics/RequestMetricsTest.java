package dev.dreamnet.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.dreamnet.core.time.FakeClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RequestMetricsTest {

    private static final String ROUTE = "GET /api/dreams/{id}";

    private final FakeClock clock = new FakeClock();
    private final RequestMetrics metrics = RequestMetrics.builder().clock(clock).build();

    @Test
    void percentilesOfKnownInputsAreExact() {
        for (int micros = 1; micros <= 100; micros++) {
            metrics.record(ROUTE, 200, micros * 1_000L);
        }

        LatencySummary success = oneMinute().success();

        assertThat(success.count()).isEqualTo(100);
        assertThat(success.p50Millis()).isEqualTo(0.050);
        assertThat(success.p95Millis()).isEqualTo(0.095);
        assertThat(success.p99Millis()).isEqualTo(0.099);
        assertThat(success.maxMillis()).isEqualTo(0.100);
    }

    @Test
    void millisecondLatenciesComeBackWithinOnePercent() {
        for (int i = 0; i < 90; i++) {
            metrics.record(ROUTE, 200, Duration.ofMillis(20).toNanos());
        }
        for (int i = 0; i < 10; i++) {
            metrics.record(ROUTE, 200, Duration.ofMillis(400).toNanos());
        }

        LatencySummary success = oneMinute().success();

        assertThat(success.p50Millis()).isCloseTo(20, within(0.2));
        assertThat(success.p95Millis()).isCloseTo(400, within(4.0));
        assertThat(success.maxMillis()).isCloseTo(400, within(4.0));
    }

    @Test
    void successesClientErrorsAndServerErrorsAreKeptApart() {
        metrics.record(ROUTE, 200, 1_000);
        metrics.record(ROUTE, 304, 1_000);
        metrics.record(ROUTE, 404, 2_000);
        metrics.record(ROUTE, 503, 90_000);

        WindowStats window = oneMinute();

        assertThat(window.requests()).isEqualTo(4);
        assertThat(window.clientErrors()).isEqualTo(1);
        assertThat(window.serverErrors()).isEqualTo(1);
        assertThat(window.serverErrorRate()).isEqualTo(0.25);
        assertThat(window.success().count()).isEqualTo(2);
        assertThat(window.serverError().maxMillis()).isEqualTo(0.09);
    }

    /** Regression: a client that hung up mid-body (499) was counted with the server's own failures as a 5xx. */
    @Test
    void clientAbortsAreCountedApartFromClientAndServerErrors() {
        metrics.record(ROUTE, 200, 1_000);
        metrics.record(ROUTE, Outcome.CLIENT_CLOSED_REQUEST, 5_000);

        WindowStats window = oneMinute();

        assertThat(window.requests()).isEqualTo(2);
        assertThat(window.clientAborts()).isEqualTo(1);
        assertThat(window.serverErrors()).isZero();
        assertThat(window.clientErrors()).isZero();
        assertThat(window.clientAbort().maxMillis()).isEqualTo(0.005);
    }

    /** Regression: a fresh server's own 503 readiness probes made the overall window report "50% 5xx". */
    @Test
    void routesThatAreNotTrafficStayPerRouteButOutOfTheOverallWindows() {
        RequestMetrics probesApart = RequestMetrics.builder().clock(clock)
                .notTraffic(route -> route.startsWith("GET /health/")).build();
        probesApart.record("GET /health/ready", 503, 1_000);
        probesApart.record(ROUTE, 200, 1_000);

        TrafficSnapshot snapshot = probesApart.snapshot();

        assertThat(snapshot.overall().get(0).requests()).isEqualTo(1);
        assertThat(snapshot.overall().get(0).serverErrors()).isZero();
        RouteStats probe = snapshot.routes().stream().filter(r -> r.route().equals("GET /health/ready")).findFirst()
                .orElseThrow();
        assertThat(probe.windows().get(0).serverErrors()).isEqualTo(1);
    }

    @Test
    void eachRouteTemplateIsOneSeriesAndOverallAddsThemUp() {
        metrics.record(ROUTE, 200, 1_000);
        metrics.record(ROUTE, 200, 1_000);
        metrics.record("POST /api/dreams", 201, 1_000);

        TrafficSnapshot snapshot = metrics.snapshot();

        assertThat(snapshot.routes()).extracting(RouteStats::route).containsExactly("GET /api/dreams/{id}", "POST /api/dreams");
        assertThat(snapshot.routes().get(0).windows().get(0).requests()).isEqualTo(2);
        assertThat(snapshot.overall().get(0).requests()).isEqualTo(3);
    }

    @Test
    void dataLeavesTheOneMinuteWindowWhenItsSlotIsTwelveSlotsOldButStaysInTheFiveMinuteOne() {
        metrics.record(ROUTE, 200, 1_000);
        metrics.advance(); // what the server's timer does every slot

        clock.advance(Duration.ofSeconds(59));
        assertThat(oneMinute().requests()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(oneMinute().requests()).isZero();
        assertThat(fiveMinutes().requests()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(4));
        assertThat(fiveMinutes().requests()).isZero();
    }

    @Test
    void anEmptyWindowIsReportedAsEmptyNotAsZeroLatency() {
        WindowStats window = oneMinute();

        assertThat(window.requests()).isZero();
        assertThat(window.requestsPerSecond()).isZero();
        assertThat(window.success().isEmpty()).isTrue();
        assertThat(window.success().p99Millis()).isNaN();
    }

    @Test
    void rateIsPerSecondOfTheTimeTheWindowReallyCovers() {
        clock.advance(Duration.ofSeconds(10));
        for (int i = 0; i < 50; i++) {
            metrics.record(ROUTE, 200, 1_000);
        }

        WindowStats young = oneMinute();
        assertThat(young.covered()).isEqualTo(Duration.ofSeconds(10));
        assertThat(young.requestsPerSecond()).isEqualTo(5.0);

        clock.advance(Duration.ofSeconds(52));
        WindowStats full = oneMinute();
        assertThat(full.covered()).isEqualTo(Duration.ofSeconds(57)); // 12 slots of 5 s, the newest 2 s old
        assertThat(full.requests()).isEqualTo(50);
    }

    @Test
    void sinceStartKeepsEverythingForCumulativeBuckets() {
        metrics.record(ROUTE, 200, Duration.ofMillis(3).toNanos());
        metrics.record(ROUTE, 200, Duration.ofMillis(30).toNanos());
        clock.advance(Duration.ofMinutes(10));
        metrics.record(ROUTE, 200, Duration.ofMillis(300).toNanos());

        List<RequestMetrics.SinceStart> all = metrics.sinceStart();

        assertThat(all).hasSize(1);
        RequestMetrics.SinceStart success = all.get(0);
        assertThat(success.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(success.micros().getTotalCount()).isEqualTo(3);
        assertThat(success.countAtOrBelow(5_000)).isEqualTo(1);
        assertThat(success.countAtOrBelow(50_000)).isEqualTo(2);
        assertThat(success.sumSeconds()).isCloseTo(0.333, within(0.004));
    }

    @Test
    void concurrentRecordingLosesNothing() throws Exception {
        int threads = 4;
        int each = 20_000;
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(threads);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int t = 0; t < threads; t++) {
            int status = t % 2 == 0 ? 200 : 500;
            new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        metrics.record(ROUTE, status, 5_000);
                        if (i % 5_000 == 0) {
                            metrics.advance(); // reading while others write
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            }).start();
        }
        start.countDown();
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();

        assertThat(failure.get()).isNull();
        WindowStats window = oneMinute();
        assertThat(window.requests()).isEqualTo((long) threads * each);
        assertThat(window.serverErrors()).isEqualTo((long) threads * each / 2);
    }

    @Test
    void settingsAreValidatedByName() {
        assertThatThrownBy(() -> RequestMetrics.builder().slot(Duration.ZERO).build())
                .hasMessage("slot must be > 0, was PT0S");
        assertThatThrownBy(() -> RequestMetrics.builder().windows(List.of(Duration.ofSeconds(7))).build())
                .hasMessageContaining("whole number of slots");
        assertThatThrownBy(() -> RequestMetrics.builder().stripes(3).build())
                .hasMessage("stripes must be a power of two, was 3");
    }

    private WindowStats oneMinute() {
        return metrics.snapshot().overall().get(0);
    }

    private WindowStats fiveMinutes() {
        return metrics.snapshot().overall().get(1);
    }
}
