package dev.dreamnet.reference.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dreamnet.reference.support.DagJson;
import dev.dreamnet.reference.support.FlagServer;
import dev.dreamnet.reference.support.Reply;
import dev.dreamnet.reference.support.Servers;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Quarantining one agent stops it within a second while the other keeps working; releasing it catches up. */
class AgentQuarantineTest {

    private static final Duration WITHIN_A_SECOND = Duration.ofMillis(1500);

    @TempDir
    Path dir;

    private FlagServer flags;

    @BeforeEach
    void startWithBothAgentsRunning() throws Exception {
        flags = FlagServer.start(dir);
        await("agents running").atMost(Servers.DEADLINE)
                .until(() -> "RUNNING".equals(state("citadel")) && "RUNNING".equals(state("dronedome")));
    }

    @AfterEach
    void stop() {
        flags.close();
    }

    @Test
    void aQuarantinedAgentStopsWithinASecondWhileTheOtherKeepsProcessingAndCatchesUpWhenReleased() {
        createDreams(3);
        await("both agents processed the first dreams").atMost(Servers.DEADLINE)
                .until(() -> processed("citadel") == 3 && processed("dronedome") == 3);

        assertThat(flags.adminPost("/agents/citadel/quarantine", "{\"reason\": \"poison message\"}").status())
                .isEqualTo(200);
        await("citadel quarantined").atMost(WITHIN_A_SECOND).until(() -> "QUARANTINED".equals(state("citadel")));
        assertThat(flags.flags().at("/state/quarantinedAgents").toString()).isEqualTo("[\"citadel\"]");

        createDreams(5);
        await("dronedome processed the new dreams").atMost(Servers.DEADLINE).until(() -> processed("dronedome") == 8);
        assertThat(processed("citadel")).isEqualTo(3);
        assertThat(state("citadel")).isEqualTo("QUARANTINED");
        assertThat(state("dronedome")).isEqualTo("RUNNING");

        assertThat(flags.adminPost("/agents/citadel/release", "{\"reason\": \"fixed\"}").status()).isEqualTo(200);
        await("citadel caught up").atMost(Servers.DEADLINE).until(() -> processed("citadel") == 8);
        assertThat(state("citadel")).isEqualTo("RUNNING");
    }

    @Test
    void quarantiningAnUnknownAgentAnswers404NamingTheKnownAgents() {
        Reply reply = flags.adminPost("/agents/citadell/quarantine", "");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.text("detail")).isEqualTo("no agent \"citadell\" in the flags file (agents: citadel, dronedome)");
        assertThat(flags.flags().at("/state/quarantinedAgents")).isEmpty();
    }

    private void createDreams(int count) {
        for (int i = 0; i < count; i++) {
            flags.createDream("dream " + i);
        }
    }

    private String state(String agent) {
        return DagJson.entry(flags.reader.get("/api/observability/agents").json(), "agents", agent).get("state").asText();
    }

    private long processed(String agent) {
        return DagJson.entry(flags.reader.get("/api/observability/agents").json(), "agents", agent)
                .get("processed").asLong();
    }
}
