package dev.dreamnet.runtime.rollouts;

import dev.dreamnet.core.rollout.Rollout;
import dev.dreamnet.core.rollout.RolloutConfig;
import dev.dreamnet.core.rollout.RolloutEvent;
import dev.dreamnet.core.rollout.RolloutState;
import dev.dreamnet.core.rollout.RolloutStatus;
import dev.dreamnet.core.rollout.Rollouts;
import dev.dreamnet.core.time.Clock;
import dev.dreamnet.core.time.Repeating;
import dev.dreamnet.core.time.Scheduler;
import dev.dreamnet.runtime.audit.AuditLog;
import dev.dreamnet.runtime.fleet.SharedState;
import dev.dreamnet.runtime.fleet.SharedStateUnavailableException;
import dev.dreamnet.runtime.metrics.MetricSources;
import dev.dreamnet.runtime.resilience.Downstreams;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's rollouts: created and operated through the API, judged every second, each decision
 * saved in the {@code rollouts} table (a restart resumes every rollout at its step), recorded in the
 * audit log and counted for {@code /metrics}. Thread-safe.
 */
public final class RolloutService {

    private static final Logger LOG = LoggerFactory.getLogger(RolloutService.class);
    static final String AUTOMATIC = "dreamnet (automatic)";
    static final Duration EVALUATION = Duration.ofSeconds(1);

    private final Rollouts rollouts;
    private final RolloutStore store;
    private final AuditLog audit;
    private final Downstreams downstreams;
    private final Clock clock;
    private final Repeating evaluation;
    private final Map<String, LongAdder> decisions = new ConcurrentHashMap<>();
    /** In a fleet: the revision of each rollout's row as this instance last adopted or wrote it. */
    private final Map<String, Long> revisions = new ConcurrentHashMap<>();
    private volatile SharedState shared;
    /** The fleet this instance will join, until it has ({@link #share}): operators' actions are refused meanwhile. */
    private volatile SharedState joining;
    private volatile BooleanSupplier converged = () -> true;
    private final PromotionGate gate;
    /** Held while a rollout is installed from the fleet's state (not while it is written there). */
    private final Object installing = new Object();

    public RolloutService(Supplier<DataSource> dataSource, AuditLog audit, Downstreams downstreams, Clock clock,
                          Scheduler scheduler, Executor executor) {
        this.rollouts = Rollouts.create(clock);
        this.store = new RolloutStore(dataSource, clock);
        this.audit = audit;
        this.gate = new PromotionGate(audit);
        this.downstreams = downstreams;
        this.clock = clock;
        this.evaluation = new Repeating(clock, scheduler, executor, EVALUATION, this::evaluate);
        rollouts.addListener(this::onEvent);
    }

    /**
     * Restores every saved rollout at its step (in a fleet, following the shared state already did),
     * then judges them every second. Called once startup is done, after {@link #share} in a fleet.
     */
    public void start() throws Exception {
        if (shared != null) {
            evaluation.start();
            return;
        }
        for (RolloutStore.Row row : downstreams.call(Downstreams.DATABASE, store::loadAll)) {
            rollouts.restore(row.config(), row.state());
            revisions.put(row.config().name(), row.revision());
            LOG.info("rollout {} restored: {} at {}%", row.config().name(), row.state().status(), row.state().percent());
        }
        evaluation.start();
    }

    /** {@link #start()} when the store is known to hold no rollout: judging begins without reading it. */
    public void startWithNothingStored() {
        evaluation.start();
    }

    public void stop() {
        evaluation.stop();
    }

    /**
     * From now on rollouts are the fleet's: every instance adopts the rows others write, writes its
     * own decisions only over the row it last saw, rolls back on its own evidence, and promotes only
     * while it is the judge and {@code converged} says every live instance follows the latest state.
     * An automatic decision made here is already installed here when it is written, an operator's action only once
     * written; following brings in only what others wrote, so the write path never comes back into this service.
     */
    public void share(SharedState shared, BooleanSupplier converged) {
        this.converged = converged;
        shared.addFollower((c, from, row) -> adopt(RolloutStore.loadChanged(c, from)));
        this.shared = shared;
    }

    /** Installs the rows written by others since the last version followed; rows this instance wrote are skipped. */
    private void adopt(List<RolloutStore.Row> rows) {
        for (RolloutStore.Row row : rows) {
            String name = row.config().name();
            install(row.config(), row.state(), row.revision());
        }
    }

    /**
     * Installs {@code state}, written to the fleet at {@code revision}, unless this instance already holds a later
     * revision of that rollout: adopted by the rollout of that name when it runs {@code config}, otherwise in place of
     * it. One at a time, as the follower and an operator's action may both install one rollout.
     */
    private void install(RolloutConfig config, RolloutState state, long revision) {
        synchronized (installing) {
            if (revision <= revisions.getOrDefault(config.name(), -1L)) {
                return; // this instance wrote it, and installs it itself; or it already follows a later one
            }
            revisions.put(config.name(), revision);
            Optional<Rollout> local = rollouts.find(config.name());
            if (local.isPresent() && local.get().config().equals(config)) {
                local.get().adopt(state);
            } else {
                local.ifPresent(r -> rollouts.remove(config.name()));
                rollouts.restore(config, state);
            }
        }
    }

    /** Asks the fleet (a database read) only when some rollout is RUNNING: nothing else can be promoted. */
    private boolean mayPromote() {
        SharedState fleet = shared;
        if (fleet == null) {
            return true;
        }
        boolean anyRunning = rollouts.all().stream().anyMatch(r -> r.state().status() == RolloutStatus.RUNNING);
        return anyRunning && fleet.judge() && converged.getAsBoolean();
    }

    private void requireShared(String what) {
        SharedState fleet = SharedState.joined(shared, joining, what);
        if (fleet != null) {
            fleet.requireConnected(what);
        }
    }

    /**
     * Says this instance will follow {@code fleet} once it joins: until {@link #share}, an operator's start or action
     * is refused (it would hold here only, then be replaced by the fleet's rollouts) rather than taken.
     */
    public void joining(SharedState fleet) {
        this.joining = Objects.requireNonNull(fleet, "fleet");
    }

    private void evaluate() {
        try {
            boolean mayPromote = mayPromote();
            long now = clock.nanoTime();
            for (Rollout rollout : rollouts.all()) {
                String held = gate.holds(rollout);
                if (held != null) {
                    rollout.evaluate(now, held);
                } else {
                    rollout.evaluate(now, mayPromote);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("rollout evaluation failed: {}", e.toString());
        }
    }

    /**
     * Records that rollout {@code name} served a request on {@code route} (a template such as
     * {@code GET /api/dreams/{id}}): its promotion then waits while an objective covering that route has spent its
     * error budget. Cheap once a route is known.
     */
    public void servedOn(String name, String route) {
        gate.servedOn(name, route);
    }

    /** The routes rollout {@code name} has served. */
    public java.util.Set<String> routes(String name) {
        return gate.routes(name);
    }

    /**
     * What holds promotion, from the routes a rollout served: a reason in words, or null to let it promote (the
     * runtime passes the error budgets of the objectives covering them).
     */
    public void promotionGate(java.util.function.Function<java.util.Set<String>, String> gate) {
        this.gate.set(gate);
    }

    /**
     * The rollout named {@code name}.
     *
     * @throws UnknownRolloutException naming the known ones
     */
    public Rollout get(String name) {
        return rollouts.find(name).orElseThrow(() -> new UnknownRolloutException(name, names()));
    }

    /** The rollout named {@code name} if it exists, for the middleware. */
    public java.util.Optional<Rollout> find(String name) {
        return rollouts.find(name);
    }

    public List<Rollout> all() {
        List<Rollout> all = new ArrayList<>(rollouts.all());
        all.sort(java.util.Comparator.comparing(Rollout::name));
        return all;
    }

    private List<String> names() {
        return all().stream().map(Rollout::name).toList();
    }

    /**
     * Creates and starts a rollout; one that finished (promoted or rolled back) under the same name is replaced.
     *
     * @throws RolloutConflictException while a rollout of that name is not finished, or, in a fleet, when another
     *         instance wrote one of that name first: nothing is started here or audited
     * @throws SharedStateUnavailableException in a fleet whose shared state this instance has lost, or cannot write
     *         the new rollout to: it is not started here either (a finished one it replaced is kept), and nothing is
     *         audited
     */
    public synchronized Rollout start(RolloutConfig config, String actor, String reason) {
        requireShared("starting rollout \"" + config.name() + "\"");
        rollouts.find(config.name()).ifPresent(existing -> {
            if (!existing.state().status().isFinal()) {
                throw new RolloutConflictException("rollout \"" + config.name() + "\" is "
                        + existing.state().status() + " at " + existing.percent() + "%; roll it back first");
            }
        });
        Rollout rollout;
        SharedState fleet = shared;
        if (fleet == null) {
            rollouts.remove(config.name());
            rollout = rollouts.add(config);
            rollout.start();
        } else {
            Taken taken = takenByTheFleet(fleet, Rollout.builder(config).clock(clock), Rollout::start);
            install(config, taken.state(), taken.revision());
            rollout = get(config.name());
            taken.events().forEach(this::count);
        }
        audit.record(actor, "rollout.start", config.name(), "PENDING", describe(rollout.state()), reason);
        return rollout;
    }

    /**
     * Applies an operator's {@code operation} (promote, pause, resume, rollback), audited.
     *
     * @throws UnknownRolloutException if there is no rollout {@code name}
     * @throws RolloutConflictException if its status does not allow the operation, or, in a fleet, when another
     *         instance changed the rollout first and this one has not yet heard of it: the change is undone here too,
     *         and nothing is audited
     * @throws SharedStateUnavailableException in a fleet whose shared state this instance has lost, or cannot write
     *         the change to: the change is undone here too, and nothing is audited
     */
    public Rollout operate(String name, String action, UnaryOperator<Rollout> operation, String actor, String reason) {
        Rollout rollout = get(name);
        requireShared(action + " of rollout \"" + name + "\"");
        RolloutState was = rollout.state();
        SharedState fleet = shared;
        try {
            if (fleet == null) {
                operation.apply(rollout);
            } else {
                Taken taken = takenByTheFleet(fleet, Rollout.builder(rollout.config()).clock(clock).restore(was),
                        operation);
                install(rollout.config(), taken.state(), taken.revision());
                rollout = get(name);
                taken.events().forEach(this::count);
            }
        } catch (IllegalStateException e) {
            throw new RolloutConflictException(e.getMessage());
        }
        audit.record(actor, "rollout." + action, name, describe(was), describe(rollout.state()), reason);
        return rollout;
    }

    /** An operator's change as the fleet took it: the state written at its revision, and the events that led to it. */
    private record Taken(RolloutState state, long revision, List<RolloutEvent> events) {
    }

    /**
     * Applies an operator's {@code operation} to a copy of the rollout ({@code copy}, not yet built) and writes the
     * resulting state to the fleet, before this instance routes by it: an operator's change is taken on every
     * instance or on none, and none routes by it before the fleet has it.
     *
     * @throws SharedStateUnavailableException when the fleet could not write it
     * @throws RolloutConflictException when another instance had changed the rollout first
     */
    private Taken takenByTheFleet(SharedState fleet, Rollout.Builder copy, java.util.function.Function<Rollout, ?> operation) {
        List<RolloutEvent> events = new ArrayList<>();
        Rollout changed = copy.listener(events::add).build();
        operation.apply(changed);
        RolloutState state = changed.state();
        String name = state.name();
        long expected = revisions.getOrDefault(name, -1L);
        SharedState.Committed<Boolean> saved = fleet.commit(
                tx -> store.saveIf(tx.connection(), changed.config(), state, expected, tx.version()), AUTOMATIC);
        if (!saved.result()) {
            throw new RolloutConflictException("rollout \"" + name + "\" was changed by another instance first, so "
                    + "this action was not taken (this instance follows that change as it hears of it): read the "
                    + "rollout again, then retry");
        }
        return new Taken(state, saved.row().version(), events);
    }

    /** Counts a decision for {@code /metrics}. */
    private void count(RolloutEvent event) {
        decisions.computeIfAbsent(event.state().name() + "\u0000" + decision(event), k -> new LongAdder()).increment();
    }

    /** A change the rollout made itself (a judgement), or that an operator made on a single instance: saved after. */
    private void onEvent(RolloutEvent event) {
        RolloutState state = event.state();
        rollouts.find(state.name()).ifPresent(rollout -> save(rollout.config(), state));
        count(event);
        if (event instanceof RolloutEvent.Promoted p && p.automatic()) {
            audit.record(AUTOMATIC, "rollout.promote", state.name(), "step " + p.fromStep(), describe(state), p.reason());
        } else if (event instanceof RolloutEvent.RolledBack r && r.automatic()) {
            audit.record(AUTOMATIC, "rollout.rollback", state.name(), "", describe(state), r.reason());
        } else if (event instanceof RolloutEvent.FailureIgnored f) {
            audit.record(AUTOMATIC, "rollout.failure-ignored", state.name(), "", describe(state), f.reason());
        }
    }

    private void save(RolloutConfig config, RolloutState state) {
        SharedState fleet = shared;
        if (fleet != null) {
            long expected = revisions.getOrDefault(config.name(), -1L);
            try {
                SharedState.Committed<Boolean> saved = fleet.commit(
                        tx -> store.saveIf(tx.connection(), config, state, expected, tx.version()), AUTOMATIC);
                if (saved.result()) {
                    revisions.merge(config.name(), saved.row().version(), Math::max);
                } else {
                    LOG.warn("rollout {}: another instance changed it first; its state is adopted instead of {}",
                            state.name(), describe(state));
                }
            } catch (SharedStateUnavailableException e) {
                LOG.warn("rollout {}: {} is not shared with the fleet ({}); it is kept on this instance only",
                        state.name(), describe(state), e.getMessage());
            }
            return;
        }
        try {
            downstreams.call(Downstreams.DATABASE, () -> store.save(config, state));
        } catch (Exception e) {
            LOG.warn("rollout {}: could not save {} ({}); it is kept in memory", state.name(), describe(state),
                    e.getMessage());
        }
    }

    static String describe(RolloutState state) {
        return state.status() + " " + state.percent() + "%";
    }

    private static String decision(RolloutEvent event) {
        return event.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT)
                + (event instanceof RolloutEvent.Promoted p && p.automatic()
                || event instanceof RolloutEvent.RolledBack r && r.automatic() ? "_automatic" : "");
    }

    /** Per rollout: status, canary share and decisions so far, for {@code /metrics}. */
    public List<MetricSources.RolloutMetric> metrics() {
        List<MetricSources.RolloutMetric> all = new ArrayList<>();
        for (Rollout rollout : all()) {
            Map<String, Long> counts = new TreeMap<>();
            String prefix = rollout.name() + "\u0000";
            decisions.forEach((key, count) -> {
                if (key.startsWith(prefix)) {
                    counts.put(key.substring(prefix.length()), count.sum());
                }
            });
            all.add(new MetricSources.RolloutMetric(rollout.name(), rollout.state().status().name(), rollout.percent(),
                    counts));
        }
        return all;
    }
}
