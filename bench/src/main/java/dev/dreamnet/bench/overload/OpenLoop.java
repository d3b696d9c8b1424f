package dev.dreamnet.bench.overload;

import dev.dreamnet.core.overload.Criticality;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load generator: sends {@code GET /work/critical|default|sheddable} at a constant arrival rate per phase
 * whatever the server answers (a slow server gets more requests outstanding, not fewer sent), measures each latency
 * from the intended send time, probes liveness beside it, then prints per-phase, per-class figures and the issue's
 * goals. See {@link LoadOptions} for the arguments. Not thread-safe; one run per instance.
 */
public final class OpenLoop {

    private final LoadOptions options;
    private final ArrivalSchedule schedule;
    private final PhaseStats[] phases;
    private final AtomicLongArray sentPerSecond;
    private final AtomicLongArray okPerSecond;
    private final AtomicInteger outstanding = new AtomicInteger();
    private final Map<Criticality, HttpRequest> requests = new EnumMap<>(Criticality.class);

    OpenLoop(LoadOptions options) {
        this.options = options;
        this.schedule = options.schedule();
        this.phases = new PhaseStats[schedule.phases().size()];
        for (int i = 0; i < phases.length; i++) {
            phases[i] = new PhaseStats();
        }
        this.sentPerSecond = new AtomicLongArray(schedule.totalSeconds());
        this.okPerSecond = new AtomicLongArray(schedule.totalSeconds());
        for (Criticality c : Criticality.values()) {
            requests.put(c, HttpRequest.newBuilder(options.url().resolve("/work/" + c.name().toLowerCase()))
                    .timeout(options.timeout()).build());
        }
    }

    public static void main(String[] args) throws Exception {
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("OpenLoop: " + e.getMessage());
            System.exit(2);
            return;
        }
        OpenLoop run = new OpenLoop(options);
        run.run();
        new LoadReport(options, run.schedule, run.phases, run.sentPerSecond, run.okPerSecond).print(System.out);
    }

    void run() throws InterruptedException {
        ExecutorService executor = Executors.newFixedThreadPool(4, daemon("openloop-client"));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                .connectTimeout(options.timeout()).build();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
        LivenessProber prober = new LivenessProber(options.url(), options.probeEvery(), start, this::phaseAt);
        Thread probing = daemon("openloop-liveness").newThread(prober);
        probing.start();
        long sequence = 0;
        for (int p = 0; p < phases.length; p++) {
            PhaseStats phase = phases[p];
            long count = schedule.phases().get(p).requests();
            for (long n = 0; n < count; n++, sequence++) {
                long offset = schedule.intendedNanos(p, n);
                long intended = start + offset;
                parkUntil(intended);
                phase.lag((System.nanoTime() - intended) / 1000);
                send(client, phase, options.mix().classOf(sequence), intended, (int) (offset / 1_000_000_000L));
            }
        }
        awaitOutstanding(options.timeout().toNanos() + TimeUnit.SECONDS.toNanos(3));
        prober.stop();
        probing.join(2_000);
        executor.shutdownNow();
    }

    private void send(HttpClient client, PhaseStats phase, Criticality criticality, long intended, int second) {
        ClassStats stats = phase.of(criticality);
        stats.sent();
        sentPerSecond.incrementAndGet(second);
        phase.outstanding(outstanding.incrementAndGet());
        client.sendAsync(requests.get(criticality), HttpResponse.BodyHandlers.discarding())
                .whenComplete((response, failure) -> {
                    long micros = (System.nanoTime() - intended) / 1000;
                    outstanding.decrementAndGet();
                    ClassStats.Outcome outcome = outcome(response, failure);
                    if (outcome == ClassStats.Outcome.OK) {
                        okPerSecond.incrementAndGet(second);
                    }
                    stats.ended(outcome, micros);
                });
    }

    static ClassStats.Outcome outcome(HttpResponse<?> response, Throwable failure) {
        if (failure != null) {
            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
            return cause instanceof HttpTimeoutException || failure instanceof HttpTimeoutException
                    ? ClassStats.Outcome.TIMEOUT : ClassStats.Outcome.ERROR;
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return ClassStats.Outcome.OK;
        }
        return status == 503 ? ClassStats.Outcome.REFUSED_503
                : status == 429 ? ClassStats.Outcome.REFUSED_429 : ClassStats.Outcome.OTHER_STATUS;
    }

    private PhaseStats phaseAt(long offsetNanos) {
        return offsetNanos < 0 ? null : phases[schedule.phaseAt(offsetNanos)];
    }

    private void awaitOutstanding(long maxNanos) {
        long deadline = System.nanoTime() + maxNanos;
        while (outstanding.get() > 0 && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        if (outstanding.get() > 0) {
            System.err.println("OpenLoop: " + outstanding.get() + " requests still unanswered past the client timeout");
        }
    }

    /** Parks until {@code deadline} ({@link System#nanoTime()}); returns at once when it has passed. */
    static void parkUntil(long deadline) {
        for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
