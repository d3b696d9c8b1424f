package dev.dreamnet.openfeature;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.core.rollout.RolloutConfig;
import dev.dreamnet.runtime.DreamNet;
import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.Reason;
import dev.openfeature.sdk.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rollout as a targeting rule: the context's targeting key is assigned to the canary or the baseline. */
class RolloutTargetingTest {

    @TempDir
    Path dir;
    private DreamNet dreamnet;
    private OpenFeatureAPI api;
    private Client client;

    @BeforeEach
    void start() throws Exception {
        Path flags = Files.writeString(dir.resolve("flags.yaml"), DreamNetFeatureProviderTest.FLAGS);
        dreamnet = DreamNet.builder().flags(flags).environment(Map.of())
                .database("jdbc:h2:mem:openfeature_rollout_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .shutdownGrace(Duration.ofSeconds(1)).build().start();
        dreamnet.started().get(10, TimeUnit.SECONDS);
        dreamnet.rollouts().start(RolloutConfig.builder("checkout-v2").steps(List.of(100.0)).build(), "test", "test");
        api = new OpenFeatureAPI() { };
        api.setProviderAndWait(new DreamNetFeatureProvider(dreamnet.flags(), dreamnet.rollouts()));
        client = api.getClient();
    }

    @AfterEach
    void stop() {
        api.shutdown();
        dreamnet.shutdown();
    }

    @Test
    void aRolloutAssignsTheTargetingKeyToItsSideAsASplit() {
        ImmutableContext user = new ImmutableContext("user-42");

        FlagEvaluationDetails<Boolean> inCanary = client.getBooleanDetails("checkout-v2", false, user);
        FlagEvaluationDetails<String> side = client.getStringDetails("checkout-v2", "baseline", user);

        assertThat(inCanary.getValue()).as("at 100% everyone is in the canary").isTrue();
        assertThat(inCanary.getReason()).isEqualTo(Reason.SPLIT.name());
        assertThat(inCanary.getVariant()).isEqualTo("canary");
        assertThat(inCanary.getFlagMetadata().getString("rule")).isEqualTo("ROLLOUT");
        assertThat(inCanary.getFlagMetadata().getDouble("percent")).isEqualTo(100.0);
        assertThat(side.getValue()).isEqualTo("canary");
        assertThat(side.getReason()).isEqualTo(Reason.SPLIT.name());
    }

    @Test
    void withoutATargetingKeyARolloutAnswersTheDefaultWithTargetingKeyMissing() {
        FlagEvaluationDetails<Boolean> details = client.getBooleanDetails("checkout-v2", false);

        assertThat(details.getValue()).isFalse();
        assertThat(details.getErrorCode()).isEqualTo(ErrorCode.TARGETING_KEY_MISSING);
        assertThat(details.getErrorMessage()).contains("checkout-v2", "targeting key");
    }

    @Test
    void aNumberOrAnObjectAskedOfARolloutIsATypeMismatchNotAMissingFlag() {
        // Bug: the provider looked for a flag only, and answered FLAG_NOT_FOUND, "no rollout has that name".
        ImmutableContext user = new ImmutableContext("user-42");

        List<FlagEvaluationDetails<?>> answers = List.of(client.getIntegerDetails("checkout-v2", 7, user),
                client.getDoubleDetails("checkout-v2", 0.5, user),
                client.getObjectDetails("checkout-v2", new Value("x"), user));

        assertThat(answers).allSatisfy(details -> {
            assertThat(details.getErrorCode()).isEqualTo(ErrorCode.TYPE_MISMATCH);
            assertThat(details.getErrorMessage()).contains("rollout \"checkout-v2\" answers a boolean");
        });
        assertThat(answers.stream().<Object>map(FlagEvaluationDetails::getValue).toList())
                .as("the caller's defaults").containsExactly(7, 0.5, new Value("x"));
    }

    @Test
    void aFlagWinsOverARolloutAndANameOfNeitherIsNotFound() {
        assertThat(client.getStringDetails("checkout", "x", new ImmutableContext("user-42")).getErrorCode())
                .isEqualTo(ErrorCode.TYPE_MISMATCH);
        FlagEvaluationDetails<Boolean> neither = client.getBooleanDetails("no-such-rollout", true,
                new ImmutableContext("user-42"));
        assertThat(neither.getErrorCode()).isEqualTo(ErrorCode.FLAG_NOT_FOUND);
        assertThat(neither.getErrorMessage()).contains("no rollout");
    }
}
