package dev.dreamnet.runtime;

import dev.dreamnet.core.metrics.RequestMetrics;
import dev.dreamnet.core.time.Clock;
import dev.dreamnet.core.time.Repeating;
import dev.dreamnet.core.time.Scheduler;
import dev.dreamnet.core.watchdog.JvmProbe;
import dev.dreamnet.core.watchdog.Reading;
import dev.dreamnet.core.watchdog.Watchdogs;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime's request metrics and the JVM's watchdogs, with what keeps them moving once started: the request
 * windows advance every slot on the timer, and the watchdogs are read every slot on {@code checks}, so that windowed
 * ones sample even when nobody reads them (not on the timer, as a queue watchdog may wait on the broker). Thread-safe.
 */
final class VitalSigns {

    private static final Logger LOG = LoggerFactory.getLogger(VitalSigns.class);
    private static final Duration SLOT = Duration.ofSeconds(5);

    private final Clock clock;
    private final RequestMetrics requests;
    private final Watchdogs watchdogs;
    private final Repeating slots;
    private final Repeating samples;
    /** The web layer's own routes for operators, which are not traffic; none until it says. */
    private volatile Predicate<String> operatorRoutes = route -> false;

    VitalSigns(Clock clock, Scheduler scheduler, Executor checks) {
        this.clock = clock;
        this.requests = RequestMetrics.builder().clock(clock)
                .notTraffic(route -> Probes.isProbeRoute(route) || operatorRoutes.test(route)).build();
        this.watchdogs = Watchdogs.jvmDefaults(JvmProbe.system(), scheduler, clock);
        this.slots = new Repeating(clock, scheduler, Runnable::run, SLOT, this::advance);
        this.samples = new Repeating(clock, scheduler, checks, SLOT, this::readings);
    }

    /** Says which route templates are the web layer's own routes for operators. */
    void operatorRoutes(Predicate<String> routes) {
        this.operatorRoutes = Objects.requireNonNull(routes, "routes");
    }

    RequestMetrics requests() {
        return requests;
    }

    Watchdogs watchdogs() {
        return watchdogs;
    }

    /** Every watchdog's reading now. */
    List<Reading> readings() {
        return watchdogs.readAll(clock.nanoTime());
    }

    void start() {
        slots.start();
        samples.start();
    }

    /** Stops the slots and the sampling, then the watchdogs' own threads. */
    void stop() {
        try {
            slots.stop();
            samples.stop();
        } finally {
            watchdogs.close();
        }
    }

    private void advance() {
        try {
            requests.advance();
        } catch (RuntimeException e) {
            LOG.warn("metrics slot: {}", e.toString());
        }
    }
}
