package dev.dreamnet.openfeature;

import dev.dreamnet.core.flags.FlagDecision;
import dev.dreamnet.core.flags.FlagSnapshot;
import dev.dreamnet.core.rollout.Rollout;
import dev.dreamnet.core.rollout.Variant;
import dev.dreamnet.runtime.flags.FlagService;
import dev.dreamnet.runtime.rollouts.RolloutService;
import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.EventProvider;
import dev.openfeature.sdk.ImmutableMetadata;
import dev.openfeature.sdk.Metadata;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.ProviderEventDetails;
import dev.openfeature.sdk.Reason;
import dev.openfeature.sdk.Value;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * An OpenFeature provider over a service's DreamNet flags ({@code dreamnet.flags()}):
 * {@code OpenFeatureAPI.getInstance().setProviderAndWait(new DreamNetFeatureProvider(dreamnet.flags()))}.
 *
 * <p>DreamNet flags are booleans. A boolean evaluation answers the flag's effective value under the
 * fixed precedence (kill switch &gt; emergency &gt; brownout &gt; override &gt; configured value)
 * from the snapshot in force; the reason is {@code DISABLED} when a kill switch, a quarantine or a
 * mode turned the flag off, {@code STATIC} when an override or the configured value decided; the
 * variant is {@code "on"} or {@code "off"}; the flag metadata names the rule that decided
 * ({@code rule}: SAFE_MODE, AGENT_QUARANTINED, EMERGENCY, BROWNOUT, OVERRIDE or FLAG_VALUE), the
 * {@code mode}, the {@code configVersion} and the {@code stateVersion}. An unknown key answers the
 * default with {@link ErrorCode#FLAG_NOT_FOUND}; a string, integer, double or object evaluation of
 * a known flag (and an integer, double or object evaluation of a rollout) answers the default with
 * {@link ErrorCode#TYPE_MISMATCH}.
 *
 * <p>Rollouts, when the provider is given the {@link RolloutService}: a key that names no flag but
 * a rollout assigns the evaluation context's targeting key to its side, sticky per subject; a
 * boolean evaluation answers whether the subject is in the canary, a string evaluation answers
 * {@code "canary"} or {@code "baseline"}, both with reason {@code SPLIT}, the variant
 * {@code canary} or {@code baseline} and the canary's {@code percent} in the metadata. Without a
 * targeting key the answer is the default with {@link ErrorCode#TARGETING_KEY_MISSING}.
 *
 * <p>Events: {@code PROVIDER_READY} once initialised (emitted by the SDK when {@link #initialize}
 * returns); {@code PROVIDER_CONFIGURATION_CHANGED} with the keys whose value or deciding rule
 * changed, whenever a change of the flags file, an operator change or a fleet change adopted from
 * another instance changes at least one flag; {@code PROVIDER_STALE} when this instance loses the
 * fleet's shared state (it keeps answering from its last known flags) and {@code PROVIDER_READY}
 * when it follows it again; a provider set while the instance is already stale emits {@code PROVIDER_STALE} at its
 * first evaluation, as the SDK makes it READY when its initialisation returns.
 *
 * <p>Thread-safe. A boolean evaluation allocates nothing: the answers of each snapshot are built
 * once, the first time it is evaluated, and shared; they refuse to be modified.
 */
public final class DreamNetFeatureProvider extends EventProvider {

    /** The provider's name in the SDK's metadata and events. */
    public static final String NAME = "DreamNet";
    private static final Metadata METADATA = () -> NAME;

    private final FlagService flags;
    private final RolloutService rollouts;
    private final FlagService.Listener listener = new Listener();
    /** The answers of one snapshot; replaced, never changed. */
    private volatile Answers answers;
    /**
     * Set when the fleet was already stale as this provider was initialised. The SDK makes a provider READY once its
     * initialisation returns, so a STALE said then would be overwritten: the first evaluation says it instead.
     */
    private final AtomicBoolean staleUnsaid = new AtomicBoolean();

    /** Flags only: a key that names no flag is {@code FLAG_NOT_FOUND}. */
    public DreamNetFeatureProvider(FlagService flags) {
        this.flags = Objects.requireNonNull(flags, "flags must not be null");
        this.rollouts = null;
        this.answers = new Answers(flags.snapshot());
    }

    /** Flags, and rollouts as targeting rules ({@code dreamnet.rollouts()}) for the keys that name no flag. */
    public DreamNetFeatureProvider(FlagService flags, RolloutService rollouts) {
        this.flags = Objects.requireNonNull(flags, "flags must not be null");
        this.rollouts = Objects.requireNonNull(rollouts, "rollouts must not be null");
        this.answers = new Answers(flags.snapshot());
    }

    @Override
    public Metadata getMetadata() {
        return METADATA;
    }

    /**
     * Starts hearing the flags' changes; the SDK emits {@code PROVIDER_READY} when this returns. When this instance is
     * in a fleet whose shared state it does not follow now, the first evaluation emits {@code PROVIDER_STALE}.
     */
    @Override
    public void initialize(EvaluationContext evaluationContext) {
        flags.removeListener(listener);
        flags.addListener(listener);
        staleUnsaid.set(flags.fleetStale());
    }

    @Override
    public void shutdown() {
        flags.removeListener(listener);
    }

    @Override
    public ProviderEvaluation<Boolean> getBooleanEvaluation(String key, Boolean defaultValue, EvaluationContext ctx) {
        sayStaleOnce();
        FlagSnapshot snapshot = flags.snapshot();
        Answers current = answers;
        if (current.snapshot != snapshot) {
            current = new Answers(snapshot);
            answers = current;
        }
        ProviderEvaluation<Boolean> answer = current.byKey.get(key);
        return answer != null ? answer : assign(key, defaultValue, ctx, variant -> variant == Variant.CANARY);
    }

    @Override
    public ProviderEvaluation<String> getStringEvaluation(String key, String defaultValue, EvaluationContext ctx) {
        sayStaleOnce();
        if (!flags.snapshot().contains(key)) {
            return assign(key, defaultValue, ctx, DreamNetFeatureProvider::variantName);
        }
        return notBoolean(key, defaultValue, "string");
    }

    /** The side of rollout {@code key} that serves the context's targeting key; FLAG_NOT_FOUND if no rollout has that name. */
    private <T> ProviderEvaluation<T> assign(String key, T defaultValue, EvaluationContext ctx, Function<Variant, T> value) {
        Optional<Rollout> rollout = rollouts == null ? Optional.empty() : rollouts.find(key);
        if (rollout.isEmpty()) {
            return notFound(key, defaultValue);
        }
        String subject = ctx == null ? null : ctx.getTargetingKey();
        if (subject == null || subject.isBlank()) {
            return error(defaultValue, ErrorCode.TARGETING_KEY_MISSING, "rollout \"" + key + "\" assigns subjects by "
                    + "the evaluation context's targeting key (a user or tenant id); the context has none");
        }
        Variant variant = rollout.get().assign(subject);
        return ProviderEvaluation.<T>builder().value(value.apply(variant)).variant(variantName(variant))
                .reason(Reason.SPLIT.name()).flagMetadata(ImmutableMetadata.builder().addString("rule", "ROLLOUT")
                        .addDouble("percent", rollout.get().percent()).build()).build();
    }

    /** Emits the STALE that initialisation found, once, if the fleet is still stale. */
    private void sayStaleOnce() {
        if (staleUnsaid.get() && staleUnsaid.compareAndSet(true, false) && flags.fleetStale()) {
            emitProviderStale(staleDetails());
        }
    }

    /** New for each event: the SDK's details can be changed by a handler. */
    private static ProviderEventDetails staleDetails() {
        return ProviderEventDetails.builder().message("this instance does not follow the fleet's shared state in "
                + "PostgreSQL; it answers from its last known flags until it does").build();
    }

    private static String variantName(Variant variant) {
        return variant.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public ProviderEvaluation<Integer> getIntegerEvaluation(String key, Integer defaultValue, EvaluationContext ctx) {
        return notBoolean(key, defaultValue, "integer");
    }

    @Override
    public ProviderEvaluation<Double> getDoubleEvaluation(String key, Double defaultValue, EvaluationContext ctx) {
        return notBoolean(key, defaultValue, "double");
    }

    @Override
    public ProviderEvaluation<Value> getObjectEvaluation(String key, Value defaultValue, EvaluationContext ctx) {
        return notBoolean(key, defaultValue, "object");
    }

    private <T> ProviderEvaluation<T> notBoolean(String key, T defaultValue, String type) {
        sayStaleOnce();
        if (flags.snapshot().contains(key)) {
            return error(defaultValue, ErrorCode.TYPE_MISMATCH,
                    "flag \"" + key + "\" is a boolean (DreamNet flags are on or off); it was asked for as a " + type);
        }
        if (rollouts != null && rollouts.find(key).isPresent()) {
            return error(defaultValue, ErrorCode.TYPE_MISMATCH, "rollout \"" + key + "\" answers a boolean (whether "
                    + "the subject is in the canary) or a string (\"canary\" or \"baseline\"); it was asked for as a "
                    + type);
        }
        return notFound(key, defaultValue);
    }

    private <T> ProviderEvaluation<T> notFound(String key, T defaultValue) {
        return error(defaultValue, ErrorCode.FLAG_NOT_FOUND, "no flag \"" + key + "\" is defined in the flags file"
                + (rollouts == null ? "" : " and no rollout has that name"));
    }

    private static <T> ProviderEvaluation<T> error(T defaultValue, ErrorCode code, String message) {
        return ProviderEvaluation.<T>builder().value(defaultValue).reason(Reason.ERROR.name()).errorCode(code)
                .errorMessage(message).build();
    }

    /** The OpenFeature reason for the rule that decided: DISABLED when a rule turned the flag off, else STATIC. */
    static Reason reason(FlagDecision.Rule rule) {
        return switch (rule) {
            case SAFE_MODE, AGENT_QUARANTINED, EMERGENCY, BROWNOUT -> Reason.DISABLED;
            case OVERRIDE, FLAG_VALUE -> Reason.STATIC;
            case UNKNOWN_FLAG -> Reason.ERROR;
        };
    }

    /**
     * The keys whose value or deciding rule differ between two snapshots, added and removed flags included, in name
     * order; unmodifiable, as every event handler is given the same list.
     */
    static List<String> changedKeys(FlagSnapshot before, FlagSnapshot after) {
        TreeSet<String> changed = new TreeSet<>();
        for (FlagDecision decision : after.decisions()) {
            if (!decision.equals(before.explain(decision.name()))) {
                changed.add(decision.name());
            }
        }
        for (FlagDecision decision : before.decisions()) {
            if (!after.contains(decision.name())) {
                changed.add(decision.name());
            }
        }
        return List.copyOf(changed);
    }

    private final class Listener implements FlagService.Listener {

        @Override
        public void changed(FlagSnapshot before, FlagSnapshot after) {
            List<String> keys = changedKeys(before, after);
            if (keys.isEmpty()) {
                return;
            }
            emitProviderConfigurationChanged(ProviderEventDetails.builder().flagsChanged(keys)
                    .message("flags changed: " + String.join(", ", keys) + " (mode " + after.state().mode()
                            + ", config " + after.configVersion() + ", state version " + after.state().version() + ")")
                    .eventMetadata(ImmutableMetadata.builder().addString("mode", after.state().mode().name())
                            .addString("configVersion", after.configVersion())
                            .addLong("stateVersion", after.state().version()).build())
                    .build());
        }

        @Override
        public void fleetStale(boolean stale) {
            staleUnsaid.set(false);
            if (stale) {
                emitProviderStale(staleDetails());
            } else {
                emitProviderReady(ProviderEventDetails.builder()
                        .message("this instance follows the fleet's shared state again").build());
            }
        }
    }

    /** One snapshot's answer for every flag it defines. */
    private static final class Answers {
        final FlagSnapshot snapshot;
        final Map<String, ProviderEvaluation<Boolean>> byKey;

        Answers(FlagSnapshot snapshot) {
            this.snapshot = snapshot;
            Map<String, ProviderEvaluation<Boolean>> built = new HashMap<>();
            for (FlagDecision decision : snapshot.decisions()) {
                ImmutableMetadata metadata = ImmutableMetadata.builder().addString("rule", decision.rule().name())
                        .addString("mode", snapshot.state().mode().name())
                        .addString("configVersion", snapshot.configVersion())
                        .addLong("stateVersion", snapshot.state().version()).build();
                built.put(decision.name(), new Answer(decision.enabled(), decision.enabled() ? "on" : "off",
                        reason(decision.rule()).name(), metadata));
            }
            this.byKey = built;
        }
    }

    /** A shared answer: every setter refuses, so no caller can change what the next one reads. */
    private static final class Answer extends ProviderEvaluation<Boolean> {

        Answer(boolean value, String variant, String reason, ImmutableMetadata metadata) {
            super(value, variant, reason, null, null, metadata);
        }

        @Override
        public void setValue(Boolean value) {
            throw refused();
        }

        @Override
        public void setVariant(String variant) {
            throw refused();
        }

        @Override
        public void setReason(String reason) {
            throw refused();
        }

        @Override
        public void setErrorCode(ErrorCode errorCode) {
            throw refused();
        }

        @Override
        public void setErrorMessage(String errorMessage) {
            throw refused();
        }

        @Override
        public void setFlagMetadata(ImmutableMetadata flagMetadata) {
            throw refused();
        }

        private static UnsupportedOperationException refused() {
            return new UnsupportedOperationException("DreamNet's answers are shared between evaluations and "
                    + "cannot be changed");
        }
    }
}
