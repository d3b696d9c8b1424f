package dev.dreamnet.core.flags;

import dev.dreamnet.core.flags.FlagDecision.Rule;
import dev.dreamnet.core.flags.internal.FlagTable;
import dev.dreamnet.core.flags.internal.Precedence;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Every flag's effective value under one configuration and one {@link FlagState}, computed once
 * when the snapshot is built so that evaluating a flag is a table lookup. Immutable and
 * thread-safe; {@link #isEnabled} allocates nothing.
 *
 * <p>Precedence, fixed: kill switch &gt; emergency &gt; brownout &gt; override &gt; flag value.
 * SAFE_MODE turns every {@linkplain FlagDefinition#external() external} flag off; a quarantined
 * agent has all its flags off; EMERGENCY turns off every flag that is not
 * {@link Degradation#KEPT}; BROWNOUT turns off the {@link Degradation#SHED_AT_BROWNOUT} flags;
 * otherwise an operator override decides if there is one, else the configured value.
 * {@link #explain} names the rule that decided.
 */
public final class FlagSnapshot {

    private static final FlagSnapshot EMPTY = of(List.of(), FlagState.initial(), "empty");

    private final List<FlagDefinition> definitions;
    private final List<FlagDecision> decisions;
    private final FlagState state;
    private final String configVersion;
    /** Name and value pairs, see {@link FlagTable}; read by {@link Flags} on the hot path. */
    final Object[] pairs;
    /** The hash seed of {@link #pairs}. */
    final int seed;
    private final FlagDecision[] alignedDecisions;

    private FlagSnapshot(List<FlagDefinition> definitions, FlagState state, String configVersion) {
        this.definitions = definitions;
        this.state = state;
        this.configVersion = configVersion;
        List<FlagDecision> decided = new ArrayList<>(definitions.size());
        for (FlagDefinition definition : definitions) {
            decided.add(Precedence.decide(definition, state));
        }
        this.decisions = List.copyOf(decided);
        this.seed = FlagTable.chooseSeed(decisions);
        this.pairs = FlagTable.build(decisions, seed);
        this.alignedDecisions = FlagTable.align(pairs, seed, decisions);
    }

    /**
     * Decides every flag of {@code definitions} under {@code state}.
     *
     * @param configVersion identifies the configuration the definitions came from (a content hash,
     *                      say), so that operators can see which one each instance runs
     * @throws IllegalArgumentException if two definitions share a name or configVersion is blank
     */
    public static FlagSnapshot of(Collection<FlagDefinition> definitions, FlagState state, String configVersion) {
        Objects.requireNonNull(definitions, "definitions must not be null");
        Objects.requireNonNull(state, "state must not be null");
        Objects.requireNonNull(configVersion, "configVersion must not be null");
        if (configVersion.isBlank()) {
            throw new IllegalArgumentException("configVersion must not be blank");
        }
        List<FlagDefinition> copy = List.copyOf(definitions);
        Set<String> seen = new HashSet<>();
        for (FlagDefinition definition : copy) {
            if (!seen.add(definition.name())) {
                throw new IllegalArgumentException("definitions: duplicate flag \"" + definition.name() + "\"");
            }
        }
        return new FlagSnapshot(copy, state, configVersion);
    }

    /** No flags, the initial state, config version "empty". */
    public static FlagSnapshot empty() {
        return EMPTY;
    }

    /** The effective value of flag {@code name}; false for an unknown name. Allocation-free. */
    public boolean isEnabled(String name) {
        int at = FlagTable.indexOf(pairs, seed, name);
        return at >= 0 && FlagTable.valueAt(pairs, at);
    }

    /** Whether a flag named {@code name} is defined. */
    public boolean contains(String name) {
        return FlagTable.indexOf(pairs, seed, name) >= 0;
    }

    /** The value of flag {@code name} and the rule that decided it; {@link Rule#UNKNOWN_FLAG} if undefined. */
    public FlagDecision explain(String name) {
        int at = FlagTable.indexOf(pairs, seed, name);
        return at >= 0 ? alignedDecisions[at >> 1] : new FlagDecision(name, false, Rule.UNKNOWN_FLAG);
    }

    /** The definitions, in the order given. */
    public List<FlagDefinition> definitions() {
        return definitions;
    }

    /** Every flag's decision, in the order of {@link #definitions()}. */
    public List<FlagDecision> decisions() {
        return decisions;
    }

    public FlagState state() {
        return state;
    }

    public String configVersion() {
        return configVersion;
    }

    @Override
    public String toString() {
        return "FlagSnapshot[configVersion=" + configVersion + ", stateVersion=" + state.version()
                + ", mode=" + state.mode() + ", flags=" + definitions.size() + "]";
    }
}
