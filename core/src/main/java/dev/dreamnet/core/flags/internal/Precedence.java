package dev.dreamnet.core.flags.internal;

import dev.dreamnet.core.flags.Degradation;
import dev.dreamnet.core.flags.FlagDecision;
import dev.dreamnet.core.flags.FlagDecision.Rule;
import dev.dreamnet.core.flags.FlagDefinition;
import dev.dreamnet.core.flags.FlagState;
import dev.dreamnet.core.flags.Mode;

/**
 * The precedence of flag rules, as a pure function: kill switch (SAFE_MODE, then agent quarantine)
 * &gt; emergency &gt; brownout &gt; override &gt; configured value. Stateless.
 */
public final class Precedence {

    private Precedence() {
    }

    /** Decides the effective value of {@code flag} in {@code state}. */
    public static FlagDecision decide(FlagDefinition flag, FlagState state) {
        Rule rule = rule(flag, state);
        boolean enabled = switch (rule) {
            case OVERRIDE -> state.overrides().get(flag.name());
            case FLAG_VALUE -> flag.enabled();
            default -> false;
        };
        return new FlagDecision(flag.name(), enabled, rule);
    }

    private static Rule rule(FlagDefinition flag, FlagState state) {
        if (state.killSwitches().safeMode() && flag.external()) {
            return Rule.SAFE_MODE;
        }
        if (flag.agent().isPresent() && state.quarantinedAgents().contains(flag.agent().get())) {
            return Rule.AGENT_QUARANTINED;
        }
        if (state.mode() == Mode.EMERGENCY && flag.degradation() != Degradation.KEPT) {
            return Rule.EMERGENCY;
        }
        if (state.mode() == Mode.BROWNOUT && flag.degradation() == Degradation.SHED_AT_BROWNOUT) {
            return Rule.BROWNOUT;
        }
        if (state.overrides().containsKey(flag.name())) {
            return Rule.OVERRIDE;
        }
        return Rule.FLAG_VALUE;
    }
}
