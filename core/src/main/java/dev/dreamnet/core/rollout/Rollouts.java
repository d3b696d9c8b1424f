package dev.dreamnet.core.rollout;

import dev.dreamnet.core.text.DidYouMean;
import dev.dreamnet.core.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The rollouts of a service by name, sharing one clock and the registry's listeners. Rollouts can be
 * added and removed while the service runs (from an API or after restoring persisted state). Lookups
 * are lock-free. Thread-safe.
 */
public final class Rollouts {

    private final Clock clock;
    private final Map<String, Rollout> rollouts = new ConcurrentSkipListMap<>();
    private final List<RolloutListener> listeners = new CopyOnWriteArrayList<>();

    private Rollouts(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
    }

    public static Rollouts create(Clock clock) {
        return new Rollouts(clock);
    }

    /** A listener for every rollout added from now on. */
    public void addListener(RolloutListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener must not be null"));
    }

    /** Adds a new, PENDING rollout. @throws IllegalArgumentException if the name is taken */
    public Rollout add(RolloutConfig config) {
        return put(Rollout.builder(config));
    }

    /** Adds a rollout restored from its exported state. @throws IllegalArgumentException if the name is taken or the state does not fit */
    public Rollout restore(RolloutConfig config, RolloutState state) {
        return put(Rollout.builder(config).restore(state));
    }

    private Rollout put(Rollout.Builder builder) {
        builder.clock(clock);
        listeners.forEach(builder::listener);
        Rollout rollout = builder.build();
        if (rollouts.putIfAbsent(rollout.name(), rollout) != null) {
            throw new IllegalArgumentException("rollout \"" + rollout.name() + "\" already exists");
        }
        return rollout;
    }

    /** @throws IllegalArgumentException naming the close or known rollouts, if there is none by that name */
    public Rollout get(String name) {
        Rollout rollout = rollouts.get(name);
        if (rollout == null) {
            String close = DidYouMean.suggest(name, rollouts.keySet());
            throw new IllegalArgumentException("no rollout named \"" + name + "\"" + (!close.isEmpty() ? close
                    : rollouts.isEmpty() ? "; there are no rollouts" : "; known: " + String.join(", ", rollouts.keySet())));
        }
        return rollout;
    }

    public Optional<Rollout> find(String name) {
        return Optional.ofNullable(rollouts.get(name));
    }

    /** Removes a rollout (finished or abandoned); returns it when there was one. */
    public Optional<Rollout> remove(String name) {
        return Optional.ofNullable(rollouts.remove(name));
    }

    /** Every rollout, by name. */
    public Collection<Rollout> all() {
        return List.copyOf(rollouts.values());
    }

    /** Judges every rollout at {@code nowNanos}; the server calls this once a slot. */
    public void evaluateAll(long nowNanos) {
        evaluateAll(nowNanos, true);
    }

    /** As {@link #evaluateAll(long)}; passing steps are promoted only when {@code mayPromote} (see {@link Rollout#evaluate(long, boolean)}). */
    public void evaluateAll(long nowNanos, boolean mayPromote) {
        rollouts.values().forEach(rollout -> rollout.evaluate(nowNanos, mayPromote));
    }

    /** The state of every rollout, by name, to persist. */
    public List<RolloutState> export() {
        List<RolloutState> states = new ArrayList<>();
        rollouts.values().forEach(rollout -> states.add(rollout.state()));
        return states;
    }
}
