package dev.dreamnet.openfeature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dreamnet.core.flags.FlagState;
import dev.dreamnet.core.flags.KillSwitches;
import dev.dreamnet.core.flags.Mode;
import dev.dreamnet.runtime.DreamNet;
import dev.dreamnet.runtime.flags.FlagService;
import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.EventDetails;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.Reason;
import dev.openfeature.sdk.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provider as an application sees it: through an OpenFeature {@link Client}, over a started
 * DreamNet runtime on an embedded database, with flags changed the way operators change them.
 * Each test has an OpenFeature API of its own, so none sees another's provider or events.
 */
class DreamNetFeatureProviderTest {

    static final String FLAGS = """
            flags:
              search.semantic:
                enabled: true
                owner: search-team
                description: Semantic search
                degradation: brownout
              reports.export:
                enabled: true
                owner: reports-team
                description: Report exports
                degradation: emergency
              checkout:
                enabled: true
                owner: shop-team
                description: Checkout
              llm.calls:
                enabled: true
                owner: ai-platform
                description: Calls to the external LLM provider
                degradation: brownout
                external: true
              beta.banner:
                enabled: false
                owner: web-team
                description: The beta banner
              agent.citadel:
                enabled: true
                owner: agents-team
                description: The Citadel agent
                agent: citadel
            """;

    @TempDir
    Path dir;
    private Path flagsFile;
    private DreamNet dreamnet;
    private OpenFeatureAPI api;
    private Client client;
    private final List<EventDetails> ready = new CopyOnWriteArrayList<>();
    private final List<EventDetails> changed = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        flagsFile = Files.writeString(dir.resolve("flags.yaml"), FLAGS);
        dreamnet = DreamNet.builder().flags(flagsFile).environment(Map.of())
                .database("jdbc:h2:mem:openfeature_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .shutdownGrace(Duration.ofSeconds(1)).build().start();
        dreamnet.started().get(10, TimeUnit.SECONDS);
        api = new OpenFeatureAPI() { };
        api.onProviderReady(ready::add);
        api.onProviderConfigurationChanged(changed::add);
        api.setProviderAndWait(new DreamNetFeatureProvider(dreamnet.flags()));
        client = api.getClient();
    }

    @AfterEach
    void stop() {
        api.shutdown();
        dreamnet.shutdown();
    }

    @Test
    void theConfiguredValueIsStaticWithAnOnOrOffVariant() {
        FlagEvaluationDetails<Boolean> on = client.getBooleanDetails("checkout", false);
        FlagEvaluationDetails<Boolean> off = client.getBooleanDetails("beta.banner", true);

        assertThat(on.getValue()).isTrue();
        assertThat(on.getReason()).isEqualTo(Reason.STATIC.name());
        assertThat(on.getVariant()).isEqualTo("on");
        assertThat(on.getErrorCode()).isNull();
        assertThat(on.getFlagMetadata().getString("rule")).isEqualTo("FLAG_VALUE");
        assertThat(on.getFlagMetadata().getString("mode")).isEqualTo("NORMAL");
        assertThat(off.getValue()).isFalse();
        assertThat(off.getReason()).isEqualTo(Reason.STATIC.name());
        assertThat(off.getVariant()).isEqualTo("off");
    }

    @Test
    void anUnknownKeyAnswersTheDefaultWithFlagNotFoundWhateverTheType() {
        FlagEvaluationDetails<Boolean> bool = client.getBooleanDetails("no.such.flag", true);
        FlagEvaluationDetails<String> string = client.getStringDetails("no.such.flag", "fallback");

        assertThat(bool.getValue()).isTrue();
        assertThat(bool.getErrorCode()).isEqualTo(ErrorCode.FLAG_NOT_FOUND);
        assertThat(bool.getReason()).isEqualTo(Reason.ERROR.name());
        assertThat(bool.getErrorMessage()).contains("no.such.flag");
        assertThat(string.getValue()).isEqualTo("fallback");
        assertThat(string.getErrorCode()).isEqualTo(ErrorCode.FLAG_NOT_FOUND);
    }

    @Test
    void everyTypeButBooleanAnswersTheDefaultWithTypeMismatch() {
        FlagEvaluationDetails<String> string = client.getStringDetails("checkout", "fallback");
        FlagEvaluationDetails<Integer> integer = client.getIntegerDetails("checkout", 7);
        FlagEvaluationDetails<Double> number = client.getDoubleDetails("checkout", 0.5);
        FlagEvaluationDetails<Value> object = client.getObjectDetails("checkout", new Value("fallback"));

        assertThat(List.of(string, integer, number, object)).allSatisfy(details -> {
            assertThat(details.getErrorCode()).isEqualTo(ErrorCode.TYPE_MISMATCH);
            assertThat(details.getReason()).isEqualTo(Reason.ERROR.name());
            assertThat(details.getErrorMessage()).contains("checkout", "boolean");
        });
        assertThat(string.getValue()).isEqualTo("fallback");
        assertThat(integer.getValue()).isEqualTo(7);
        assertThat(number.getValue()).isEqualTo(0.5);
        assertThat(object.getValue().asString()).isEqualTo("fallback");
    }

    @Test
    void brownoutDisablesTheFlagsItShedsAndLeavesTheOthers() {
        change(s -> s.withMode(Mode.BROWNOUT));

        FlagEvaluationDetails<Boolean> shed = client.getBooleanDetails("search.semantic", true);
        assertThat(shed.getValue()).isFalse();
        assertThat(shed.getReason()).isEqualTo(Reason.DISABLED.name());
        assertThat(shed.getVariant()).isEqualTo("off");
        assertThat(shed.getFlagMetadata().getString("rule")).isEqualTo("BROWNOUT");
        assertThat(shed.getFlagMetadata().getString("mode")).isEqualTo("BROWNOUT");
        assertThat(client.getBooleanDetails("reports.export", false).getReason()).isEqualTo(Reason.STATIC.name());
        assertThat(client.getBooleanValue("reports.export", false)).isTrue();
    }

    @Test
    void emergencyDisablesEveryFlagThatIsNotKept() {
        change(s -> s.withMode(Mode.EMERGENCY));

        FlagEvaluationDetails<Boolean> shed = client.getBooleanDetails("reports.export", true);
        assertThat(shed.getValue()).isFalse();
        assertThat(shed.getReason()).isEqualTo(Reason.DISABLED.name());
        assertThat(shed.getFlagMetadata().getString("rule")).isEqualTo("EMERGENCY");
        assertThat(client.getBooleanDetails("search.semantic", true).getFlagMetadata().getString("rule"))
                .isEqualTo("EMERGENCY");
        assertThat(client.getBooleanValue("checkout", false)).isTrue();
    }

    @Test
    void anOverrideDecidesUnlessAModeOrAKillSwitchSaysOff() {
        change(s -> s.withOverride("beta.banner", true).withOverride("search.semantic", true)
                .withOverride("llm.calls", true).withOverride("reports.export", true).withMode(Mode.BROWNOUT));

        FlagEvaluationDetails<Boolean> overridden = client.getBooleanDetails("beta.banner", false);
        assertThat(overridden.getValue()).isTrue();
        assertThat(overridden.getReason()).isEqualTo(Reason.STATIC.name());
        assertThat(overridden.getFlagMetadata().getString("rule")).isEqualTo("OVERRIDE");
        assertThat(client.getBooleanDetails("search.semantic", true).getFlagMetadata().getString("rule"))
                .as("brownout beats an override").isEqualTo("BROWNOUT");
        assertThat(client.getBooleanValue("search.semantic", true)).isFalse();

        change(s -> s.withMode(Mode.EMERGENCY).withKillSwitches(new KillSwitches(true, false)));

        FlagEvaluationDetails<Boolean> killed = client.getBooleanDetails("llm.calls", true);
        assertThat(killed.getValue()).isFalse();
        assertThat(killed.getReason()).isEqualTo(Reason.DISABLED.name());
        assertThat(killed.getFlagMetadata().getString("rule")).as("the kill switch beats emergency").isEqualTo("SAFE_MODE");
        assertThat(client.getBooleanDetails("reports.export", true).getFlagMetadata().getString("rule"))
                .as("emergency beats an override").isEqualTo("EMERGENCY");
        assertThat(client.getBooleanValue("beta.banner", false)).as("a kept flag keeps its override").isTrue();
    }

    @Test
    void aQuarantinedAgentsFlagsAreDisabled() {
        change(s -> s.withQuarantine("citadel", true));

        FlagEvaluationDetails<Boolean> quarantined = client.getBooleanDetails("agent.citadel", true);
        assertThat(quarantined.getValue()).isFalse();
        assertThat(quarantined.getReason()).isEqualTo(Reason.DISABLED.name());
        assertThat(quarantined.getFlagMetadata().getString("rule")).isEqualTo("AGENT_QUARANTINED");
    }

    @Test
    void theProviderIsReadyOnceInitialised() {
        await().atMost(Duration.ofSeconds(10)).until(() -> !ready.isEmpty());

        assertThat(ready.get(0).getProviderName()).isEqualTo(DreamNetFeatureProvider.NAME);
        assertThat(api.getProviderMetadata().getName()).isEqualTo(DreamNetFeatureProvider.NAME);
    }

    @Test
    void anOverrideEmitsConfigurationChangedWithTheChangedKey() {
        change(s -> s.withOverride("beta.banner", true));

        await().atMost(Duration.ofSeconds(10)).until(() -> !changed.isEmpty());
        assertThat(changed).singleElement().satisfies(event -> {
            assertThat(event.getFlagsChanged()).containsExactly("beta.banner");
            assertThat(event.getProviderName()).isEqualTo(DreamNetFeatureProvider.NAME);
        });
    }

    @Test
    void aModeChangeEmitsConfigurationChangedWithTheFlagsItShed() {
        change(s -> s.withMode(Mode.BROWNOUT));

        await().atMost(Duration.ofSeconds(10)).until(() -> !changed.isEmpty());
        assertThat(changed).singleElement().satisfies(event -> {
            assertThat(event.getFlagsChanged()).containsExactly("llm.calls", "search.semantic");
            assertThat(event.getEventMetadata().getString("mode")).isEqualTo("BROWNOUT");
        });
    }

    @Test
    void aReloadedFlagsFileEmitsConfigurationChangedWithTheChangedAddedAndRemovedKeys() throws Exception {
        String edited = FLAGS.replace("  beta.banner:\n    enabled: false", "  beta.banner:\n    enabled: true")
                .replace("""
                  checkout:
                    enabled: true
                    owner: shop-team
                    description: Checkout
                """, """
                  wishlist:
                    enabled: true
                    owner: shop-team
                    description: Wishlists
                """);
        Files.writeString(flagsFile, edited);
        dreamnet.flags().file().orElseThrow().refresh();

        await().atMost(Duration.ofSeconds(10)).until(() -> !changed.isEmpty());
        assertThat(changed).singleElement().satisfies(event ->
                assertThat(event.getFlagsChanged()).containsExactly("beta.banner", "checkout", "wishlist"));
        assertThat(client.getBooleanValue("beta.banner", false)).isTrue();
        assertThat(client.getBooleanValue("wishlist", false)).isTrue();
        assertThat(client.getBooleanDetails("checkout", true).getErrorCode()).isEqualTo(ErrorCode.FLAG_NOT_FOUND);
    }

    @Test
    void aProviderSetBeforeTheRuntimeStartsAnswersFromTheFlagsFile() throws Exception {
        // Bug: the file was read by start(), so a provider set at once (as the Spring Boot starter does, before its
        // lifecycle starts DreamNet) was READY and answered FLAG_NOT_FOUND for the file's flags until then.
        DreamNet built = DreamNet.builder().flags(flagsFile).environment(Map.of())
                .database("jdbc:h2:mem:openfeature_built_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .shutdownGrace(Duration.ofSeconds(1)).build();
        OpenFeatureAPI early = new OpenFeatureAPI() { };
        try {
            early.setProviderAndWait(new DreamNetFeatureProvider(built.flags()));

            FlagEvaluationDetails<Boolean> banner = early.getClient().getBooleanDetails("beta.banner", true);

            assertThat(banner.getErrorCode()).isNull();
            assertThat(banner.getValue()).isFalse();
            assertThat(banner.getReason()).isEqualTo(Reason.STATIC.name());
        } finally {
            early.shutdown();
            built.shutdown();
        }
    }

    @Test
    void noEventHandlerCanChangeTheChangedKeysAnotherIsGiven() {
        // Bug: every handler was given the same ArrayList, so one handler's clear() emptied it for the others.
        List<Object> refused = new CopyOnWriteArrayList<>();
        api.onProviderConfigurationChanged(event -> {
            try {
                event.getFlagsChanged().clear();
            } catch (UnsupportedOperationException e) {
                refused.add(e);
            }
        });

        change(s -> s.withOverride("beta.banner", true));

        await().atMost(Duration.ofSeconds(10)).until(() -> !changed.isEmpty() && !refused.isEmpty());
        assertThat(changed).singleElement().satisfies(event ->
                assertThat(event.getFlagsChanged()).containsExactly("beta.banner"));
    }

    private void change(UnaryOperator<FlagState> change) {
        FlagService flags = dreamnet.flags();
        flags.change(change, "test", "test.change", "flags", FlagService.describe(flags.snapshot().state()), "test");
    }
}
