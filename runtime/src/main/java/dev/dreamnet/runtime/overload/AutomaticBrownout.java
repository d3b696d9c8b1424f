package dev.dreamnet.runtime.overload;

import dev.dreamnet.config.overload.OverloadConfig;
import dev.dreamnet.core.flags.FlagSnapshot;
import dev.dreamnet.core.flags.FlagState;
import dev.dreamnet.core.flags.Mode;
import dev.dreamnet.core.metrics.LatencySummary;
import dev.dreamnet.core.metrics.RequestMetrics;
import dev.dreamnet.core.metrics.RouteStats;
import dev.dreamnet.core.metrics.TrafficSnapshot;
import dev.dreamnet.core.overload.Criticality;
import dev.dreamnet.core.time.Clock;
import dev.dreamnet.runtime.audit.AuditLog;
import dev.dreamnet.runtime.flags.FlagService;
import dev.dreamnet.runtime.fleet.SharedState;
import dev.dreamnet.runtime.fleet.SharedStateUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enters BROWNOUT by itself when the service is overloaded and leaves it once healthy, with hysteresis
 * ({@link BrownoutDecider}). Overloaded means, within one tick: the limiter refused requests above SHEDDABLE, or a
 * route with a latency bound had a one-minute p99 above it. Each decision is audited as automatic with its evidence.
 *
 * <p>Manual wins: an operator may {@link #pin} the mode (in a fleet, on every instance), and then nothing is decided
 * here until {@link #unpin}; an operator who changes the mode during an automatic brownout ends it (this never undoes
 * an operator's change). On a
 * single instance, or in a fleet when the configuration says {@code fleetWide}, a decision sets the mode through the
 * flags (so flags shed at brownout go off too); otherwise, in a fleet, it only tightens this instance's limiter.
 *
 * <p>Thread-safe: {@link #tick} runs on one timer thread; the rest is serialised on {@code this}. A change of the
 * flags' mode is made without holding {@code this}, as the flags call {@link #changed} while holding their own lock.
 */
public final class AutomaticBrownout implements FlagService.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(AutomaticBrownout.class);
    /** Who the audit log names for a decision taken here. */
    public static final String ACTOR = "dreamnet (automatic)";
    /** How often the evidence is looked at. */
    public static final Duration TICK = Duration.ofSeconds(1);

    private final OverloadProtection protection;
    private final FlagService flags;
    private final AuditLog audit;
    private final RequestMetrics requests;
    private final Clock clock;
    private BrownoutDecider decider;
    private OverloadConfig.AutoBrownout settings;
    private long lastRefusedAboveSheddable;
    private boolean localBrownout;
    private long ownedVersion = -1; // the flag state version this instance's brownout installed (it owns the BROWNOUT
                                    // mode until someone else changes the mode); -1: none
    private volatile Thread changing; // the thread changing the mode for this instance, while it does
    private String evidence = "";
    private SharedState.Pin pinned; // the operators' pin, or null while automatic brownout decides
    private long pinVersion = -1; // the shared state version the pin was installed from, in a fleet
    private volatile SharedState shared;
    private volatile SharedState joining;
    private Instant since;
    private Instant lastDecisionAt;
    private String lastDecision;
    /** More evidence of overload from elsewhere (objectives that page), read each tick; empty when none. */
    private volatile java.util.function.Supplier<List<String>> moreEvidence = List::of;

    public AutomaticBrownout(OverloadProtection protection, FlagService flags, AuditLog audit, RequestMetrics requests,
                             Clock clock) {
        this.protection = protection;
        this.flags = flags;
        this.audit = audit;
        this.requests = requests;
        this.clock = clock;
        this.settings = protection.config().brownout();
        this.decider = new BrownoutDecider(settings);
    }

    /**
     * Adds evidence read each tick: each line is a reason to be in brownout (DreamNet passes the objectives at PAGE
     * when {@code slos.yaml} says {@code brownoutOnPage}). The usual enter and exit delays apply, and decisions are
     * audited with the evidence as their reason.
     */
    public void evidence(java.util.function.Supplier<List<String>> evidence) {
        this.moreEvidence = Objects.requireNonNull(evidence, "evidence");
    }

    /** Looks at the evidence once; DreamNet calls it every {@link #TICK}. */
    public void tick() {
        Runnable modeChange;
        synchronized (this) {
            modeChange = decide();
        }
        if (modeChange != null) {
            try {
                modeChange.run();
            } catch (RuntimeException e) {
                LOG.warn("automatic brownout could not record or set the mode", e);
            }
        }
    }

    /** Decides on this tick's evidence; returns the change of the flags' mode to make, if any. */
    private Runnable decide() {
        OverloadConfig.AutoBrownout now = protection.config().brownout();
        if (!now.equals(settings)) {
            settings = now;
            decider = new BrownoutDecider(now);
        }
        long refusedAbove = protection.refused(Criticality.CRITICAL) + protection.refused(Criticality.DEFAULT);
        long shedNow = refusedAbove - lastRefusedAboveSheddable;
        lastRefusedAboveSheddable = refusedAbove;
        if (!settings.enabled() || !protection.enabled()) {
            return null;
        }
        List<String> reasons = new ArrayList<>();
        if (shedNow > 0) {
            reasons.add(shedNow + " CRITICAL or DEFAULT requests refused in the last second (limit "
                    + protection.limiter().limit() + ", " + protection.limiter().inflight() + " in flight)");
        }
        reasons.addAll(slowRoutes(settings.latency()));
        reasons.addAll(moreEvidence.get());
        if (ownedVersion >= 0 && flags.snapshot().state().mode() != Mode.BROWNOUT) {
            // Somebody else changed the mode since this instance entered brownout: theirs now. Another change of the
            // operators' state (an override, a kill switch, a rollout's step, a pin) leaves the brownout this one's.
            ownedVersion = -1;
            decider.reset();
            since = null;
        }
        long nanos = clock.nanoTime();
        BrownoutDecider.Decision decision = decider.observe(nanos, !reasons.isEmpty());
        if (!reasons.isEmpty()) {
            evidence = String.join("; ", reasons);
        }
        if (decision == BrownoutDecider.Decision.NONE) {
            return null;
        }
        if (pinned != null) {
            lastDecision = "would " + (decision == BrownoutDecider.Decision.ENTER ? "enter" : "leave")
                    + " brownout, but the mode is pinned by " + pinned.by();
            lastDecisionAt = clock.now();
            if (decision == BrownoutDecider.Decision.ENTER) {
                decider.reset();
            }
            return null;
        }
        if (decision == BrownoutDecider.Decision.ENTER) {
            return enter("overloaded for " + seconds(settings.enterAfter()) + ": " + evidence);
        }
        return leave("healthy for " + seconds(settings.exitAfter()) + " (no CRITICAL or DEFAULT request refused"
                + (settings.latency().isEmpty() ? "" : ", every latency bound met") + ")");
    }

    private List<String> slowRoutes(Map<String, Duration> bounds) {
        if (bounds.isEmpty()) {
            return List.of();
        }
        TrafficSnapshot traffic = requests.snapshot();
        List<String> slow = new ArrayList<>();
        for (RouteStats route : traffic.routes()) {
            Duration bound = bounds.get(route.route());
            if (bound == null || route.windows().isEmpty()) {
                continue;
            }
            LatencySummary success = route.windows().get(0).success();
            if (!success.isEmpty() && success.p99Millis() > bound.toNanos() / 1e6) {
                slow.add(String.format(Locale.ROOT, "%s p99 %.0f ms over the last %ds > %d ms", route.route(),
                        success.p99Millis(), route.windows().get(0).window().toSeconds(), bound.toMillis()));
            }
        }
        return slow;
    }

    private Runnable enter(String why) {
        FlagState state = flags.snapshot().state();
        lastDecisionAt = clock.now();
        if (local()) {
            localBrownout = true;
            protection.mode(stricter(state.mode(), Mode.BROWNOUT));
            entered(why);
            return () -> audit.record(ACTOR, "mode.automatic", "mode (this instance)", "NORMAL", "BROWNOUT", why);
        }
        if (state.mode() != Mode.NORMAL) {
            lastDecision = "overloaded, but the mode is already " + state.mode();
            return null;
        }
        entered(why);
        return () -> {
            FlagSnapshot after = change(Mode.BROWNOUT, state, why);
            synchronized (this) {
                ownedVersion = after != null && after.state().mode() == Mode.BROWNOUT ? after.state().version() : -1;
                if (after == null) {
                    since = null;
                }
            }
        };
    }

    private void entered(String why) {
        since = clock.now();
        lastDecision = "entered BROWNOUT: " + why;
        LOG.warn("automatic brownout: {}", why);
    }

    private Runnable leave(String why) {
        FlagState state = flags.snapshot().state();
        lastDecisionAt = clock.now();
        Runnable change;
        if (localBrownout) {
            localBrownout = false;
            protection.mode(state.mode());
            change = () -> audit.record(ACTOR, "mode.automatic", "mode (this instance)", "BROWNOUT", "NORMAL", why);
        } else if (ownedVersion >= 0 && state.mode() == Mode.BROWNOUT) {
            ownedVersion = -1;
            change = () -> change(Mode.NORMAL, state, why);
        } else {
            return null;
        }
        since = null;
        lastDecision = "left BROWNOUT: " + why;
        LOG.info("automatic brownout over: {}", why);
        return change;
    }

    /**
     * Sets the flags' mode; the flags call {@link #changed} on this thread, which then knows the change is ours. The
     * mode it replaces must still be the one this decision saw (NORMAL to enter, BROWNOUT to leave), checked on the
     * state the change applies to (the fleet's, in a fleet): an operator's mode set meanwhile, perhaps on another
     * instance, is never overwritten: the change is then not made, and null returned.
     */
    private FlagSnapshot change(Mode to, FlagState before, String why) {
        Mode from = to == Mode.BROWNOUT ? Mode.NORMAL : Mode.BROWNOUT;
        changing = Thread.currentThread();
        try {
            return flags.change(s -> {
                if (s.mode() != from) {
                    throw new IllegalStateException("the mode is " + s.mode() + ", set meanwhile by an operator or "
                            + "another instance; automatic brownout leaves it as it is");
                }
                return s.withMode(to);
            }, ACTOR, "mode.automatic", "mode", FlagService.describe(before), why);
        } catch (IllegalStateException operatorsMode) {
            synchronized (this) {
                lastDecision = (to == Mode.BROWNOUT ? "would enter" : "would leave") + " BROWNOUT, but "
                        + operatorsMode.getMessage();
                lastDecisionAt = clock.now();
            }
            return null;
        } finally {
            changing = null;
        }
    }

    /** Whether a decision here is this instance's alone: in a fleet, unless configured fleet-wide. */
    private boolean local() {
        return flags.shared().isPresent() && !settings.fleetWide();
    }

    private static Mode stricter(Mode a, Mode b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    private static String seconds(Duration d) {
        return d.toSeconds() + " s";
    }

    /** The flags changed: the limiter follows the mode in force, kept at BROWNOUT while this instance is in one. */
    @Override
    public synchronized void changed(FlagSnapshot before, FlagSnapshot after) {
        Mode mode = after.state().mode();
        protection.mode(localBrownout ? stricter(mode, Mode.BROWNOUT) : mode);
        if (changing != Thread.currentThread() && ownedVersion >= 0 && before.state().mode() != mode) {
            ownedVersion = -1; // an operator took over; never undo their change
            decider.reset();
            since = null;
            lastDecision = "an operator set the mode to " + mode + " during an automatic brownout; theirs now";
            lastDecisionAt = clock.now();
        }
    }

    /**
     * Stops automatic decisions until {@link #unpin}: the mode is the operators'. In a fleet the pin is the fleet's:
     * written to the shared state with its audit entry, and followed by every instance.
     *
     * @throws SharedStateUnavailableException in a fleet whose database cannot be written, or that this instance has
     *         not joined yet: nothing was changed
     */
    public void pin(String actor, String reason) {
        setPin(new SharedState.Pin(bounded(actor, 200), bounded(reason, 1000)), actor, "overload.pin", reason);
    }

    /**
     * Lets DreamNet decide again: the next entry needs fresh, sustained evidence, and a brownout of its own still in
     * force is left once the service has been healthy for {@code exitAfter}. In a fleet, on every instance.
     *
     * @throws SharedStateUnavailableException as {@link #pin} does
     */
    public void unpin(String actor, String reason) {
        setPin(null, actor, "overload.unpin", reason);
    }

    /**
     * Says this instance will follow {@code fleet} once it joins: until {@link #share}, a pin or unpin is refused, as
     * it would hold here only and then be replaced by the fleet's.
     */
    public void joining(SharedState fleet) {
        this.joining = Objects.requireNonNull(fleet, "fleet");
    }

    /** From now on the pin is the fleet's, held by {@code shared}. Call before {@code shared} starts. */
    public void share(SharedState shared) {
        shared.addFollower((c, from, row) -> adopt(row.version(), row.pin()));
        this.shared = shared;
    }

    private void setPin(SharedState.Pin pin, String actor, String action, String reason) {
        SharedState fleet = SharedState.joined(shared, joining, action + " of automatic brownout");
        String after = describe(pin);
        if (fleet != null) {
            SharedState.Committed<Void> committed = fleet.commit(tx -> {
                tx.writePin(pin);
                audit.recordWithin(tx.connection(), actor, action, "automatic brownout (fleet)", describe(tx.pin()),
                        after, reason);
                return null;
            }, actor);
            adopt(committed.row().version(), committed.row().pin());
            return;
        }
        synchronized (this) {
            String before = describe(pinned);
            pinned = pin;
            if (pin == null) {
                decider.reset(localBrownout || ownedVersion >= 0);
            }
            audit.record(actor, action, "automatic brownout", before, after, reason);
        }
    }

    /** Installs the fleet's pin as of {@code version}, unless this instance already holds a newer one. */
    private synchronized void adopt(long version, SharedState.Pin pin) {
        if (version > pinVersion) {
            pinVersion = version;
            boolean released = pinned != null && pin == null;
            pinned = pin;
            if (released) {
                decider.reset(localBrownout || ownedVersion >= 0);
            }
        }
    }

    private static String describe(SharedState.Pin pin) {
        return pin == null ? "automatic" : "pinned by " + pin.by();
    }

    private static String bounded(String text, int length) {
        return text.length() > length ? text.substring(0, length) : text;
    }

    /** What automatic brownout is doing, for operators. */
    public synchronized View view() {
        long nanos = clock.nanoTime();
        boolean active = localBrownout || ownedVersion >= 0;
        // The configuration in force, not the one of the last tick: right after start, or a reload, they differ.
        OverloadConfig.AutoBrownout now = protection.config().brownout();
        return new View(now.enabled() && protection.enabled(), active ? "BROWNOUT" : "NORMAL",
                localBrownout ? "this instance" : ownedVersion >= 0 ? (local() ? "this instance" : "mode") : null,
                since, evidence.isEmpty() ? null : evidence, decider.overloadedFor(nanos).toMillis(),
                decider.healthyFor(nanos).toMillis(), now.enterAfter().toMillis(), now.exitAfter().toMillis(),
                now.fleetWide(), pinned == null ? null : pinned.by(), pinned == null ? null : pinned.reason(),
                lastDecision, lastDecisionAt);
    }

    /**
     * @param enabled           whether DreamNet decides by itself
     * @param state             BROWNOUT while an automatic brownout is in force, else NORMAL
     * @param scope             what the brownout set: {@code "mode"} (the flags' mode) or {@code "this instance"}
     * @param since             when it began
     * @param evidence          the last evidence of overload seen
     * @param overloadedForMs   how long the current evidence has lasted
     * @param healthyForMs      how long the service has been healthy
     * @param enterAfterMs      evidence needed to enter
     * @param exitAfterMs       health needed to leave
     * @param fleetWide         whether a decision sets the fleet's mode
     * @param pinnedBy          the operator who pinned the mode, if any
     * @param pinnedReason      why
     * @param lastDecision      the last decision and its evidence
     * @param lastDecisionAt    when
     */
    public record View(boolean enabled, String state, String scope, Instant since, String evidence,
                       long overloadedForMs, long healthyForMs, long enterAfterMs, long exitAfterMs, boolean fleetWide,
                       String pinnedBy, String pinnedReason, String lastDecision, Instant lastDecisionAt) {
    }
}
