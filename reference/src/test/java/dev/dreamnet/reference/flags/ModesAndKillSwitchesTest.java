package dev.dreamnet.reference.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dreamnet.reference.support.DagJson;
import dev.dreamnet.reference.support.FlagServer;
import dev.dreamnet.reference.support.Reply;
import dev.dreamnet.reference.support.Servers;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Brownout, emergency, SAFE_MODE and overrides as the API shows them, and what they do to interpret and agents. */
class ModesAndKillSwitchesTest {

    private static final String WHY = "{\"reason\": \"incident 42\"}";

    @TempDir
    Path dir;

    private FlagServer flags;

    @AfterEach
    void stop() {
        if (flags != null) {
            flags.close();
        }
    }

    @Test
    void inNormalModeInterpretAsksTheProvider() throws Exception {
        flags = FlagServer.start(dir);
        long calls = providerCalls();

        JsonNode answer = interpret(flags.createDream("a lighthouse"));

        assertThat(answer.get("source").asText()).isEqualTo("provider");
        assertThat(providerCalls()).isEqualTo(calls + 1);
    }

    @Test
    void brownoutMakesInterpretAnswerTheFallbackNamingTheShedFlagAndBrownout() throws Exception {
        flags = FlagServer.start(dir);
        long dream = flags.createDream("a flood");
        long calls = providerCalls();

        assertThat(flags.adminPost("/brownout/enable", WHY).status()).isEqualTo(200);

        JsonNode answer = interpret(dream);
        assertThat(answer.get("source").asText()).isEqualTo("fallback");
        assertThat(answer.get("reason").asText()).isEqualTo("flag llm.calls is off (BROWNOUT)");
        assertThat(providerCalls()).isEqualTo(calls);
        assertThat(flags.flag("dreams.search").get("decidedBy").asText()).isEqualTo("BROWNOUT");
        assertThat(flags.flag("agent.citadel").get("effective").asBoolean()).isTrue();
    }

    @Test
    void emergencyShedsBothAgentsButKeepsDreamWrites() throws Exception {
        flags = FlagServer.start(dir);

        assertThat(flags.adminPost("/emergency/enable", WHY).status()).isEqualTo(200);

        for (String agent : new String[] {"citadel", "dronedome"}) {
            assertThat(flags.flag("agent." + agent).get("decidedBy").asText()).isEqualTo("EMERGENCY");
            await(agent + " shed").atMost(Servers.DEADLINE).until(() -> "QUARANTINED".equals(agentState(agent)));
        }
        assertThat(flags.flag("dreams.write").get("effective").asBoolean()).isTrue();
        assertThat(flags.createDream("written in an emergency")).isPositive();
    }

    @Test
    void safeModeAtBootAnswersTheFallbackAndNeverCallsTheProvider() throws Exception {
        flags = FlagServer.start(dir, Map.of("SAFE_MODE", "on"));

        JsonNode answer = interpret(flags.createDream("a storm"));

        assertThat(answer.get("source").asText()).isEqualTo("fallback");
        assertThat(answer.get("reason").asText()).startsWith("SAFE_MODE ");
        assertThat(providerCalls()).isZero();
        assertThat(flags.flags().at("/state/safeMode").asBoolean()).isTrue();
        assertThat(flags.flag("llm.calls").get("decidedBy").asText()).isEqualTo("SAFE_MODE");
    }

    @Test
    void safeModeAtRuntimeStopsProviderCallsUntilItIsTurnedOff() throws Exception {
        flags = FlagServer.start(dir);
        long dream = flags.createDream("a bridge");
        assertThat(flags.adminPost("/safe-mode/enable", WHY).status()).isEqualTo(200);
        long calls = providerCalls();

        for (int i = 0; i < 5; i++) {
            assertThat(interpret(dream).get("reason").asText()).isEqualTo("SAFE_MODE is on: external calls are refused");
        }
        assertThat(providerCalls()).isEqualTo(calls);

        assertThat(flags.adminPost("/safe-mode/disable", WHY).status()).isEqualTo(200);
        assertThat(interpret(dream).get("source").asText()).isEqualTo("provider");
    }

    @Test
    void anOverrideTurnsAFlagOffAndOnAndClearingItReturnsToTheFileValue() throws Exception {
        flags = FlagServer.start(dir);

        override("dreams.interpretation", false);
        assertThat(flags.flag("dreams.interpretation").get("effective").asBoolean()).isFalse();
        assertThat(flags.flag("dreams.interpretation").get("override").asBoolean()).isFalse();
        assertThat(interpret(flags.createDream("a key")).get("reason").asText())
                .isEqualTo("flag dreams.interpretation is off (OVERRIDE)");

        override("dreams.interpretation", true);
        assertThat(flags.flag("dreams.interpretation").get("effective").asBoolean()).isTrue();
        assertThat(flags.flag("dreams.interpretation").get("decidedBy").asText()).isEqualTo("OVERRIDE");

        assertThat(flags.adminPost("/flags/dreams.interpretation/clear-override", "").status()).isEqualTo(200);
        assertThat(flags.flag("dreams.interpretation").get("decidedBy").asText()).isEqualTo("FLAG_VALUE");
        assertThat(flags.flag("dreams.interpretation").get("override").isNull()).isTrue();
    }

    @Test
    void clearingAnOverrideThatIsNotSetIs404NamingTheFlagAndLeavesNoAuditEntry() throws Exception {
        // The bug: it answered 200 and audited a "flag.clear-override" of nothing.
        flags = FlagServer.start(dir);
        JsonNode before = flags.flags().get("state");

        Reply refused = flags.adminPost("/flags/recommendations/clear-override", WHY);

        assertThat(refused.status()).as(refused.body()).isEqualTo(404);
        assertThat(refused.text("error")).isEqualTo("not found");
        assertThat(refused.text("detail")).isEqualTo("no override is set for flag \"recommendations\"");
        assertThat(flags.adminPost("/flags/no.such.flag/clear-override", WHY).text("detail"))
                .isEqualTo("no override is set for flag \"no.such.flag\" (nor does the flags file define it)");
        assertThat(flags.flags().get("state")).isEqualTo(before);
        assertThat(flags.reader.get("/api/observability/audit").json().get("entries")).isEmpty();
    }

    @Test
    void anOverrideIsClearedOnceAndAuditedOnce() throws Exception {
        flags = FlagServer.start(dir);
        override("recommendations", false);

        assertThat(flags.adminPost("/flags/recommendations/clear-override", WHY).status()).isEqualTo(200);
        assertThat(flags.adminPost("/flags/recommendations/clear-override", WHY).status()).isEqualTo(404);

        JsonNode entries = flags.reader.get("/api/observability/audit").json().get("entries");
        assertThat(entries).extracting(e -> e.get("action").asText())
                .containsExactly("flag.clear-override", "flag.override");
    }

    @Test
    void anOverrideOfAnUnknownFlagAnswers404AndABadValue400() throws Exception {
        flags = FlagServer.start(dir);

        assertThat(flags.adminPost("/flags/no.such.flag/override", "{\"enabled\": true}").status()).isEqualTo(404);
        Reply bad = flags.adminPost("/flags/recommendations/override", "{\"enabled\": \"yes\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text("detail")).isEqualTo("enabled must be true or false");
    }

    @Test
    void theEndpointShowsWhichRuleDecidedKillSwitchOverEmergencyOverBrownoutOverOverride() throws Exception {
        flags = FlagServer.start(dir);
        assertThat(flags.flags().get("precedence").asText())
                .isEqualTo("kill switch > emergency > brownout > override > flag value");
        override("llm.calls", true);
        override("agent.citadel", true);
        assertThat(decided("llm.calls")).isEqualTo("OVERRIDE true");

        flags.adminPost("/brownout/enable", WHY);
        assertThat(decided("llm.calls")).isEqualTo("BROWNOUT false");
        assertThat(decided("agent.citadel")).isEqualTo("OVERRIDE true");

        flags.adminPost("/emergency/enable", WHY);
        assertThat(decided("llm.calls")).isEqualTo("EMERGENCY false");
        assertThat(decided("agent.citadel")).isEqualTo("EMERGENCY false");

        flags.adminPost("/safe-mode/enable", WHY);
        flags.adminPost("/agents/citadel/quarantine", WHY);
        assertThat(decided("llm.calls")).isEqualTo("SAFE_MODE false");
        assertThat(decided("agent.citadel")).isEqualTo("AGENT_QUARANTINED false");
        assertThat(decided("recommendations")).isEqualTo("EMERGENCY false");
        assertThat(decided("dreams.write")).isEqualTo("FLAG_VALUE true");

        flags.adminPost("/safe-mode/disable", WHY);
        flags.adminPost("/agents/citadel/release", WHY);
        flags.adminPost("/emergency/disable", WHY);
        assertThat(decided("llm.calls")).isEqualTo("OVERRIDE true");
        assertThat(decided("recommendations")).isEqualTo("FLAG_VALUE true");
    }

    private void override(String flag, boolean enabled) {
        Reply reply = flags.adminPost("/flags/" + flag + "/override", "{\"enabled\": " + enabled + "}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    private String decided(String flag) {
        JsonNode view = flags.flag(flag);
        return view.get("decidedBy").asText() + " " + view.get("effective").asBoolean();
    }

    private JsonNode interpret(long dream) {
        Reply reply = flags.anonymous.post("/api/dreams/" + dream + "/interpret", "");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private long providerCalls() {
        JsonNode breakers = flags.reader.get("/api/observability/circuit-breakers").json();
        return DagJson.entry(breakers, "breakers", "provider").get("calls").asLong();
    }

    private String agentState(String agent) {
        return DagJson.entry(flags.reader.get("/api/observability/agents").json(), "agents", agent).get("state").asText();
    }
}
