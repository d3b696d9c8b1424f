package dev.dreamnet.reference.agents;

import dev.dreamnet.core.startup.Component;
import dev.dreamnet.core.time.Clock;
import dev.dreamnet.core.time.Repeating;
import dev.dreamnet.core.time.Scheduler;
import dev.dreamnet.runtime.resilience.FailureKinds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A background agent of the reference service (the seed's Citadel and DroneDome): every poll it
 * takes a batch of new dreams to work on, unless its flag is off (quarantined, or shed by a mode),
 * in which case it takes nothing until released. A started graph service. Thread-safe; one poll
 * runs at a time.
 */
public final class Agent implements Component {

    private static final Logger LOG = LoggerFactory.getLogger(Agent.class);
    /** The reference service's agents; each is also the kind of its graph service and the name in its flag. */
    public static final List<String> NAMES = List.of("citadel", "dronedome");
    static final Duration POLL = Duration.ofMillis(200);
    /** How long a stop waits for a poll in progress: longer than one bounded queue call (5 s by default). */
    public static final Duration STOP_WAIT = Duration.ofSeconds(10);

    /** What an agent looks like at a moment. */
    public record AgentView(String name, String state, long processed, long polls, Instant lastWorkAt, String lastError) {
    }

    private final String name;
    private final BooleanSupplier enabled;
    private final AgentWork work;
    private final Repeating polling;
    private final Clock clock;
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong polls = new AtomicLong();
    private volatile boolean takingWork;
    private volatile Instant lastWorkAt;
    private volatile String lastError;

    public Agent(String name, BooleanSupplier enabled, AgentWork work, Scheduler scheduler, Executor executor,
                 Clock clock) {
        this.name = name;
        this.enabled = enabled;
        this.work = work;
        this.polling = new Repeating(clock, scheduler, executor, POLL, this::poll);
        this.clock = clock;
    }

    public String name() {
        return name;
    }

    @Override
    public void start() throws Exception {
        work.resume(name);
        polling.start();
    }

    @Override
    /** Stops polling and waits for a poll in progress, so the database and queue can close after this agent. */
    public void stop() throws InterruptedException {
        if (!polling.stopAndWait(STOP_WAIT)) {
            LOG.warn("agent {}: a poll was still running {} s after stop; stopping anyway", name, STOP_WAIT.toSeconds());
        }
    }

    public AgentView view() {
        String state = !polling.running() ? "STOPPED" : takingWork ? "RUNNING" : "QUARANTINED";
        return new AgentView(name, state, processed.get(), polls.get(), lastWorkAt, lastError);
    }

    void poll() {
        try {
            polls.incrementAndGet();
            takingWork = enabled.getAsBoolean();
            if (takingWork) {
                work.takeBatch(name, this::processedOne);
            }
            lastError = null;
        } catch (Exception e) {
            String error = FailureKinds.message(e);
            if (FailureKinds.isNew(lastError, error)) { // the first of a streak and each new kind, not every repeat
                LOG.warn("agent {}: poll failed: {}", name, error);
            }
            lastError = error;
        }
    }

    private void processedOne() {
        processed.incrementAndGet();
        lastWorkAt = clock.now();
    }
}
