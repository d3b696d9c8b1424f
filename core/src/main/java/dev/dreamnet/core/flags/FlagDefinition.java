package dev.dreamnet.core.flags;

import dev.dreamnet.core.flags.internal.Names;
import java.util.Objects;
import java.util.Optional;

/**
 * One flag as configured (in {@code config/feature-flags.yaml}): its value and how it behaves when
 * the service degrades. Immutable and thread-safe; the constructor validates every field and names
 * the one that is wrong.
 *
 * @param name        the flag's name: non-blank, only {@code [A-Za-z0-9._-]}
 * @param enabled     its configured value, used when no rule and no override decides
 * @param owner       who to ask about it (a team or a person), non-blank
 * @param description what it turns on; may be empty, never null
 * @param degradation whether brownout or emergency turns it off
 * @param external    whether it guards a tool use or an external call, so that SAFE_MODE turns it off
 * @param agent       the agent it belongs to, if any; quarantining that agent turns it off
 */
public record FlagDefinition(
        String name,
        boolean enabled,
        String owner,
        String description,
        Degradation degradation,
        boolean external,
        Optional<String> agent) {

    public FlagDefinition {
        Names.requireValid("name", name);
        Objects.requireNonNull(owner, () -> "owner of flag \"" + name + "\" must not be null");
        if (owner.isBlank()) {
            throw new IllegalArgumentException("owner of flag \"" + name + "\" must not be blank");
        }
        Objects.requireNonNull(description, () -> "description of flag \"" + name + "\" must not be null");
        Objects.requireNonNull(degradation, () -> "degradation of flag \"" + name + "\" must not be null");
        Objects.requireNonNull(agent, () -> "agent of flag \"" + name + "\" must not be null (use Optional.empty())");
        agent.ifPresent(value -> Names.requireValid("agent of flag \"" + name + "\"", value));
    }

    /** A builder for a flag named {@code name}: enabled, KEPT, not external, no agent, empty description. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Builds a {@link FlagDefinition}; not thread-safe, use it from one thread. */
    public static final class Builder {
        private final String name;
        private boolean enabled = true;
        private String owner;
        private String description = "";
        private Degradation degradation = Degradation.KEPT;
        private boolean external;
        private String agent;

        private Builder(String name) {
            this.name = name;
        }

        public Builder enabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        public Builder owner(String owner) {
            this.owner = owner;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder degradation(Degradation degradation) {
            this.degradation = degradation;
            return this;
        }

        /** The flag guards a tool use or an external call: SAFE_MODE turns it off. */
        public Builder external(boolean external) {
            this.external = external;
            return this;
        }

        /** The agent this flag belongs to; {@code null} for none. */
        public Builder agent(String agent) {
            this.agent = agent;
            return this;
        }

        /** Validates and builds; a failure names the field and the flag. */
        public FlagDefinition build() {
            return new FlagDefinition(name, enabled, owner, description, degradation, external,
                    Optional.ofNullable(agent));
        }
    }
}
