package dev.dreamnet.bench.overload;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.LongFunction;

/**
 * Asks {@code GET /health/live} every period on a client of its own (its own connection), one probe at a time as an
 * orchestrator would, and records each probe's latency from its intended time into the phase it belongs to: a probe
 * slower than the period delays the next ones, which count that wait. A probe that fails or takes longer than a second
 * counts as down. Runs on its own thread until {@link #stop()}.
 */
final class LivenessProber implements Runnable {

    private final HttpClient client;
    private final HttpRequest probe;
    private final long periodNanos;
    private final long startNanos;
    private final LongFunction<PhaseStats> phaseAt;
    private volatile boolean stopped;

    LivenessProber(URI base, Duration period, long startNanos, LongFunction<PhaseStats> phaseAt) {
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1)).build();
        this.probe = HttpRequest.newBuilder(base.resolve("/health/live")).timeout(Duration.ofSeconds(1)).build();
        this.periodNanos = period.toNanos();
        this.startNanos = startNanos;
        this.phaseAt = phaseAt;
    }

    @Override
    public void run() {
        for (long n = 0; !stopped; n++) {
            long intended = startNanos + n * periodNanos;
            OpenLoop.parkUntil(intended);
            boolean up;
            try {
                up = client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (java.io.IOException e) {
                up = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long done = System.nanoTime();
            PhaseStats phase = phaseAt.apply(intended - startNanos);
            if (phase != null) {
                phase.probe(up, (done - intended) / 1000);
            }
        }
    }

    void stop() {
        stopped = true;
    }
}
