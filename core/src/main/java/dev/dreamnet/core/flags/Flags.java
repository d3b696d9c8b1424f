package dev.dreamnet.core.flags;

import dev.dreamnet.core.flags.internal.FlagTable;
import java.lang.System.Logger.Level;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/**
 * The flags a service evaluates, replaced as a whole when the configuration or the operators'
 * {@link FlagState} changes. Evaluation is the hot path: {@link #isEnabled(String)} is lock-free
 * and allocation-free, one volatile read of the current {@link FlagSnapshot} and a table lookup,
 * so a reader always sees one whole snapshot, never a mix of two. An unknown name evaluates to
 * false and is counted ({@link #unknownLookups()}). See {@link FlagSnapshot} for the precedence.
 *
 * <p>Thread-safe. Swaps are serialised by a lock that readers never take; listeners are called
 * after the lock is released.
 */
public final class Flags {

    private static final System.Logger LOG = System.getLogger(Flags.class.getName());

    /** Written only under {@link #swapLock}; read without it. */
    private volatile FlagSnapshot current;
    private final Object swapLock = new Object();
    private final LongAdder unknownLookups = new LongAdder();
    private final List<SnapshotListener> listeners = new CopyOnWriteArrayList<>();

    private Flags(FlagSnapshot initial) {
        this.current = initial;
    }

    /** Flags starting from {@code initial}. */
    public static Flags of(FlagSnapshot initial) {
        return new Flags(Objects.requireNonNull(initial, "initial must not be null"));
    }

    /** Flags starting from {@link FlagSnapshot#empty()}: every name is unknown until the first swap. */
    public static Flags empty() {
        return of(FlagSnapshot.empty());
    }

    /**
     * The effective value of flag {@code name}; false (and counted) if no flag has that name.
     *
     * @throws NullPointerException if {@code name} is null
     */
    public boolean isEnabled(String name) {
        FlagSnapshot snapshot = current;
        Object[] pairs = snapshot.pairs;
        int at = FlagTable.indexOf(pairs, snapshot.seed, name);
        if (at < 0) {
            unknownLookups.increment();
            return false;
        }
        return FlagTable.valueAt(pairs, at);
    }

    /**
     * The effective value of flag {@code name} for {@code subject} (a user, a tenant). Reserved for
     * per-subject rollout: for now the subject is ignored and the result is that of
     * {@link #isEnabled(String)}.
     */
    public boolean isEnabled(String name, String subject) {
        return isEnabled(name);
    }

    /** The value of flag {@code name} and the rule that decided it, from the current snapshot. */
    public FlagDecision explain(String name) {
        return current.explain(name);
    }

    /** The snapshot in force now; read several flags from one snapshot to see them consistently. */
    public FlagSnapshot snapshot() {
        return current;
    }

    /** How many lookups named no known flag since these flags were created. */
    public long unknownLookups() {
        return unknownLookups.sum();
    }

    /**
     * Decides every flag anew and installs the result atomically, then tells the listeners.
     *
     * @return the installed snapshot
     * @throws StaleFlagStateException if {@code state} is older than the installed state
     * @throws IllegalArgumentException if the definitions or the config version are invalid
     */
    public FlagSnapshot swap(Collection<FlagDefinition> definitions, FlagState state, String configVersion) {
        FlagSnapshot next = FlagSnapshot.of(definitions, state, configVersion);
        synchronized (swapLock) {
            requireNotOlder(state);
            current = next;
        }
        publish(next);
        return next;
    }

    /**
     * Installs {@code state} with the current definitions and config version; for operator changes
     * (mode, kill switches, overrides, quarantine) that leave the configuration alone.
     *
     * @return the installed snapshot
     * @throws StaleFlagStateException if {@code state} is older than the installed state
     */
    public FlagSnapshot swapState(FlagState state) {
        return installState(state, true);
    }

    /**
     * Installs {@code state} whatever its version, with the current definitions: for the moment a
     * service starts taking its state from a shared store, whose versions then rule. Every later
     * {@link #swapState} must not be older than {@code state}.
     *
     * @return the installed snapshot
     */
    public FlagSnapshot rebase(FlagState state) {
        return installState(state, false);
    }

    private FlagSnapshot installState(FlagState state, boolean mustNotBeOlder) {
        Objects.requireNonNull(state, "state must not be null");
        FlagSnapshot next;
        synchronized (swapLock) {
            if (mustNotBeOlder) {
                requireNotOlder(state);
            }
            FlagSnapshot installed = current;
            next = FlagSnapshot.of(installed.definitions(), state, installed.configVersion());
            current = next;
        }
        publish(next);
        return next;
    }

    /** Adds a listener told of every snapshot installed from now on. */
    public void addListener(SnapshotListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener must not be null"));
    }

    private void requireNotOlder(FlagState state) {
        long installed = current.state().version();
        if (state.version() < installed) {
            throw new StaleFlagStateException(installed, state.version());
        }
    }

    private void publish(FlagSnapshot snapshot) {
        for (SnapshotListener listener : listeners) {
            try {
                listener.onSnapshot(snapshot);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, () -> "flag snapshot listener " + listener + " failed on " + snapshot, e);
            }
        }
    }
}
