package dev.dreamnet.runtime.flags;

import dev.dreamnet.config.flags.FlagSpec;
import dev.dreamnet.config.flags.FlagsConfig;
import dev.dreamnet.config.reload.ReloadingFile;
import dev.dreamnet.config.yaml.ConfigException;
import dev.dreamnet.core.flags.Degradation;
import dev.dreamnet.core.flags.FlagDefinition;
import dev.dreamnet.core.flags.FlagSnapshot;
import dev.dreamnet.core.flags.FlagState;
import dev.dreamnet.core.flags.Flags;
import dev.dreamnet.core.flags.KillSwitches;
import dev.dreamnet.runtime.audit.AuditLog;
import dev.dreamnet.runtime.fleet.SharedState;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's flags: definitions from {@code config/feature-flags.yaml} (hot-reloaded, the last
 * good file kept when a new one is refused) and runtime state set by operators (mode, kill
 * switches, overrides, quarantined agents), combined into one immutable snapshot that
 * {@link #allows} reads without locks. Every operator change is audited. Thread-safe; changes are
 * serialised on {@code this}.
 */
public final class FlagService {

    private static final Logger LOG = LoggerFactory.getLogger(FlagService.class);

    private final Flags flags = Flags.empty();
    private final ReloadingFile<FlagsConfig> file;
    private final AuditLog audit;
    private final KillSwitches atBoot;
    private volatile SharedState shared;
    /** The fleet this instance will join, until it has ({@link #share}): operators' changes are refused meanwhile. */
    private volatile SharedState joining;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    /** The snapshot the listeners were last told of; guarded by this. */
    private FlagSnapshot heard;

    /**
     * Hears the flags change (a reload of the file, an operator change here, a fleet change adopted
     * from another instance) and the fleet's shared state go stale or recover. Called on the thread
     * that made the change while changes are serialised, so keep it short and never change flags
     * from it. Implementations must be thread-safe.
     */
    public interface Listener {

        /** A new snapshot is in force; {@code before} is the one the listeners were told of last. */
        void changed(FlagSnapshot before, FlagSnapshot after);

        /**
         * This instance lost the fleet's shared state and serves its last known flags ({@code true}),
         * or follows it again ({@code false}). Only in a fleet; by default ignored.
         */
        default void fleetStale(boolean stale) {
        }
    }

    /** {@code file} may be null: then no flag is defined and only modes and kill switches apply. */
    public FlagService(ReloadingFile<FlagsConfig> file, KillSwitches atBoot, AuditLog audit) {
        this.file = file;
        this.audit = audit;
        this.atBoot = atBoot;
        heard = flags.swap(List.of(), FlagState.initial().withKillSwitches(atBoot), "none");
        flags.addListener(this::installed);
    }

    /** Tells {@code listener} of every change from now on, until {@link #removeListener}. */
    public void addListener(Listener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener must not be null"));
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    /** Every swap happens while this is held, so the listeners hear the snapshots in the order installed. */
    private synchronized void installed(FlagSnapshot after) {
        FlagSnapshot before = heard;
        heard = after;
        for (Listener listener : listeners) {
            try {
                listener.changed(before, after);
            } catch (RuntimeException e) {
                LOG.warn("flag listener {} failed on {}", listener, after, e);
            }
        }
    }

    private void fleetStale(boolean stale) {
        for (Listener listener : listeners) {
            try {
                listener.fleetStale(stale);
            } catch (RuntimeException e) {
                LOG.warn("flag listener {} failed on fleet stale={}", listener, stale, e);
            }
        }
    }

    /**
     * Loads the file, refusing a missing or bad one, and puts its flags in force, without watching it yet: what is
     * evaluated before {@link #start()} is the file's. Idempotent.
     */
    public synchronized void load() throws ConfigException {
        if (file != null && file.load()) {
            install(file.current());
        }
    }

    /** Loads the file unless {@link #load()} did (refusing to start on a bad one), and begins watching it. */
    public synchronized void start() throws ConfigException {
        if (file == null) {
            return;
        }
        load();
        file.addListener(this::reloaded);
        file.start();
    }

    public void stop() {
        if (file != null) {
            file.stop();
        }
    }

    /**
     * Whether the feature guarded by {@code name} may run. A name the file does not define is not
     * governed by a flag and is allowed; kill switches are checked by their callers directly.
     */
    public boolean allows(String name) {
        Objects.requireNonNull(name, "flag name");
        FlagSnapshot snapshot = flags.snapshot();
        return !snapshot.contains(name) || snapshot.isEnabled(name);
    }

    public KillSwitches killSwitches() {
        return flags.snapshot().state().killSwitches();
    }

    public FlagSnapshot snapshot() {
        return flags.snapshot();
    }

    public Optional<ReloadingFile<FlagsConfig>> file() {
        return Optional.ofNullable(file);
    }

    /**
     * Says this instance will follow {@code fleet} once it joins: until {@link #share}, {@link #change} refuses an
     * operator's change (it would hold here only, then be replaced by the fleet's state) rather than take it.
     */
    public void joining(SharedState fleet) {
        this.joining = Objects.requireNonNull(fleet, "fleet");
    }

    /**
     * From now on the operators' state is the fleet's, held by {@code shared}: {@link #change} writes
     * there and installs what it committed; every newer version this instance follows is installed
     * here. Call before {@code shared} starts.
     */
    public void share(SharedState shared) {
        shared.addFollower((c, from, row) -> adopt(row, from < 0));
        shared.onStale(this::fleetStale);
        this.shared = shared;
    }

    /**
     * Switches on fleet-wide the kill switches this instance was booted with (audited as the boot);
     * never switches one off. Call once the shared state has started.
     */
    public void shareBootSwitches() {
        SharedState fleet = shared;
        if (fleet != null && (atBoot.safeMode() || atBoot.writeDrain())) {
            change(s -> s.withKillSwitches(new KillSwitches(s.killSwitches().safeMode() || atBoot.safeMode(),
                    s.killSwitches().writeDrain() || atBoot.writeDrain())), "boot of " + fleet.instance(),
                    "kill-switches.boot", "kill-switches", describe(flags.snapshot().state()),
                    "switched on in this instance's environment at boot");
        }
    }

    /** The shared state this instance follows, if it is part of a fleet. */
    public Optional<SharedState> shared() {
        return Optional.ofNullable(shared);
    }

    /** Whether this instance is in a fleet and does not follow its shared state now, serving its last known flags. */
    public boolean fleetStale() {
        SharedState fleet = shared;
        return fleet != null && fleet.stale();
    }

    private synchronized void adopt(SharedState.Row row, boolean first) {
        if (first) {
            flags.rebase(row.flags());
        } else {
            installNewer(row.flags());
        }
    }

    /** Installs {@code state} unless this instance already holds it or a newer one (its own change, or a later one). */
    private synchronized FlagSnapshot installNewer(FlagState state) {
        FlagSnapshot installed = flags.snapshot();
        return state.version() > installed.state().version() ? flags.swapState(state) : installed;
    }

    /**
     * Applies an operator change to the runtime state, audits it, and returns the new snapshot. In a
     * fleet the change is applied to the shared state in one transaction with its audit entry, then
     * installed here before this returns. A {@code change} that throws refuses the change: the exception
     * reaches the caller and nothing is changed or audited.
     *
     * @throws dev.dreamnet.runtime.fleet.SharedStateUnavailableException in a fleet whose database cannot be written,
     *         or that this instance has not joined yet
     */
    public FlagSnapshot change(UnaryOperator<FlagState> change, String actor, String action,
                               String target, String before, String reason) {
        SharedState fleet = SharedState.joined(shared, joining, action + " of " + target);
        if (fleet != null) {
            SharedState.Committed<RuntimeException> committed = fleet.commit(tx -> {
                FlagState next;
                try {
                    next = change.apply(tx.flags());
                } catch (RuntimeException refused) {
                    // Refused on the fleet's state: carried out of the transaction, not taken for a database failure.
                    tx.cancel();
                    return refused;
                }
                tx.writeFlags(next);
                audit.recordWithin(tx.connection(), actor, action, target, before, describe(next), reason);
                return null;
            }, actor);
            if (committed.result() != null) {
                throw committed.result();
            }
            return installNewer(committed.row().flags());
        }
        synchronized (this) {
            FlagState next = change.apply(flags.snapshot().state());
            FlagSnapshot installed = flags.swapState(next);
            audit.record(actor, action, target, before, describe(installed.state()), reason);
            return installed;
        }
    }

    /**
     * Clears the override of flag {@code name}, audited as {@code flag.clear-override}. An override outlives its flag's
     * removal from the file, so one that is set is cleared whether or not the file still defines the flag.
     *
     * @throws NoOverrideException when no override is set for {@code name} (checked on the state the change applies
     *         to: the fleet's, in a fleet): nothing is changed and nothing audited
     */
    public FlagSnapshot clearOverride(String name, String actor, String reason) {
        return change(state -> {
            if (!state.overrides().containsKey(name)) {
                throw new NoOverrideException(name, flags.snapshot().contains(name));
            }
            return state.withoutOverride(name);
        }, actor, "flag.clear-override", name, describe(flags.snapshot().state()), reason);
    }

    public static String describe(FlagState state) {
        return "mode=" + state.mode() + ", safeMode=" + state.killSwitches().safeMode() + ", writeDrain="
                + state.killSwitches().writeDrain() + ", overrides=" + state.overrides() + ", quarantined="
                + state.quarantinedAgents();
    }

    private synchronized void reloaded(FlagsConfig config) {
        install(config);
        LOG.info("feature flags reloaded: {} flags, version {}", config.flags().size(), config.version());
    }

    private void install(FlagsConfig config) {
        flags.swap(config.flags().stream().map(FlagService::definition).toList(), flags.snapshot().state(),
                config.version());
    }

    private static FlagDefinition definition(FlagSpec spec) {
        return FlagDefinition.builder(spec.name()).enabled(spec.enabled()).owner(spec.owner())
                .description(spec.description()).degradation(degradation(spec.degradation()))
                .external(spec.external()).agent(spec.agent()).build();
    }

    private static Degradation degradation(String value) {
        return switch (value) {
            case FlagSpec.BROWNOUT -> Degradation.SHED_AT_BROWNOUT;
            case FlagSpec.EMERGENCY -> Degradation.SHED_AT_EMERGENCY;
            default -> Degradation.KEPT;
        };
    }
}
