package dev.dreamnet.reference.rollouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dreamnet.reference.support.FlagServer;
import dev.dreamnet.reference.support.Http;
import dev.dreamnet.reference.support.Reply;
import dev.dreamnet.reference.support.Servers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rollout moving {@code GET /api/dreams/{id}} to its new implementation, against the running server
 * with real HTTP traffic: sticky assignment, promotion after the bake time, a failure injected in the
 * new implementation rolled back automatically (visible at the endpoint, in the audit log and in
 * {@code /metrics}), and the state kept across a restart.
 */
class RolloutEndToEndTest {

    private static final String ROLLOUT = "/api/admin/rollouts";
    private static final String START = "{\"name\": \"dream-read-v2\", \"steps\": %s, \"bakeTime\": \"1s\", "
            + "\"window\": \"10s\", \"minRequests\": 30, \"maxP99\": \"5s\", \"latencyTolerance\": 5.0, \"latencyEffect\": 0.45, "
            + "\"reason\": \"%s\"}";

    @TempDir
    Path dir;

    private FlagServer server;
    private final List<Long> dreams = new ArrayList<>();
    private final AtomicBoolean traffic = new AtomicBoolean();
    private Thread load;

    @BeforeEach
    void start() throws Exception {
        server = FlagServer.start(dir);
        for (int i = 0; i < 5; i++) {
            dreams.add(server.createDream("dream " + i));
        }
    }

    @AfterEach
    void stop() throws InterruptedException {
        stopTraffic();
        server.close();
    }

    @Test
    void aHealthyCanaryIsStickyAndIsPromotedAfterItsBakeTime() throws Exception {
        Reply started = server.admin.post(ROLLOUT, START.formatted("[50, 100]", "move reads to v2"));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        assertThat(started.json().get("percent").asDouble()).isEqualTo(50.0);

        String first = variant("user-7");
        for (int i = 0; i < 5; i++) {
            assertThat(variant("user-7")).as("the same subject, the same side").isEqualTo(first);
        }
        Reply canary = canaryResponse();
        assertThat(canary.json().has("processedBy")).as("the new implementation answers the canary").isTrue();

        startTraffic();
        await("promoted to 100%").atMost(Servers.DEADLINE).until(() -> "PROMOTED".equals(rollout().get("status").asText()));
        assertThat(rollout().get("percent").asDouble()).isEqualTo(100.0);
        assertThat(server.reader.get("/api/observability/audit").body()).contains("rollout.promote");
    }

    @Test
    void aFailureInjectedInTheNewImplementationIsRolledBackAtOnceVisiblyAndSurvivesARestart() throws Exception {
        assertThat(server.admin.post(ROLLOUT, START.formatted("[50, 100]", "move reads to v2")).status()).isEqualTo(201);
        assertThat(server.admin.post("/api/admin/canary-faults", "{\"errorRate\": 1.0, \"reason\": \"rehearsal\"}")
                .status()).isEqualTo(200);

        startTraffic();
        await("rolled back").atMost(Servers.DEADLINE).until(() -> "ROLLED_BACK".equals(rollout().get("status").asText()));
        stopTraffic();

        JsonNode rolledBack = rollout();
        assertThat(rolledBack.get("percent").asDouble()).isZero();
        assertThat(rolledBack.get("reason").asText()).containsIgnoringCase("error");
        // The audit entry is written just after the status turns (the event is published outside the rollout's lock).
        await("rollback audited").atMost(Servers.DEADLINE)
                .until(() -> server.reader.get("/api/observability/audit").body().contains("rollout.rollback"));
        assertThat(server.reader.get("/api/observability/audit").body())
                .contains("rollout.rollback").contains("dreamnet (automatic)");
        assertThat(server.reader.get("/metrics").body())
                .contains("dreamnet_rollout_canary_percent{rollout=\"dream-read-v2\"} 0.0")
                .contains("dreamnet_rollout_decisions_total{decision=\"rolledback_automatic\",rollout=\"dream-read-v2\"} 1.0");
        assertThat(variant("user-7")).as("everyone is back on the baseline").isEqualTo("baseline");
        assertThat(server.reader.get("/api/observability/summary").json().get("attention").toString())
                .contains("rollout dream-read-v2 was rolled back");

        server.close();
        server = FlagServer.start(dir);
        assertThat(rollout().get("status").asText()).as("kept across a restart").isEqualTo("ROLLED_BACK");
    }

    @Test
    void aRestartKeepsARunningRolloutAtItsStep() throws Exception {
        assertThat(server.admin.post(ROLLOUT, START.formatted("[10, 50, 100]", "v2 reads")).status()).isEqualTo(201);
        assertThat(server.admin.post(ROLLOUT + "/dream-read-v2/promote", "{}").json().get("percent").asDouble())
                .isEqualTo(50.0);
        String side = variant("user-42");

        server.close();
        server = FlagServer.start(dir);

        JsonNode restored = rollout();
        assertThat(restored.get("status").asText()).isEqualTo("RUNNING");
        assertThat(restored.get("step").asInt()).isEqualTo(1);
        assertThat(restored.get("percent").asDouble()).isEqualTo(50.0);
        assertThat(restored.at("/config/latencyEffect").asDouble()).as("stored with the rollout").isEqualTo(0.45);
        assertThat(variant("user-42")).as("the same subject, the same side after a restart").isEqualTo(side);
    }

    @Test
    void operatorsPauseResumePromoteAndRollBackWithATokenAndBadInputIsNamed() {
        assertThat(server.admin.post(ROLLOUT, START.formatted("[10, 50, 100]", "manual")).status()).isEqualTo(201);

        assertThat(server.admin.post(ROLLOUT + "/dream-read-v2/pause", "{}").json().get("status").asText()).isEqualTo("PAUSED");
        assertThat(server.admin.post(ROLLOUT + "/dream-read-v2/resume", "{}").json().get("status").asText()).isEqualTo("RUNNING");
        assertThat(server.admin.post(ROLLOUT + "/dream-read-v2/promote", "{}").json().get("percent").asDouble()).isEqualTo(50.0);
        assertThat(server.anonymous.post(ROLLOUT + "/dream-read-v2/rollback", "{\"reason\": \"x\"}").status()).isEqualTo(401);
        Reply rollback = server.admin.post(ROLLOUT + "/dream-read-v2/rollback", "{\"reason\": \"INC-7\"}");
        assertThat(rollback.json().get("status").asText()).isEqualTo("ROLLED_BACK");
        assertThat(rollback.json().get("reason").asText()).contains("INC-7");

        assertThat(server.admin.post(ROLLOUT + "/nope/promote", "{}").status()).isEqualTo(404);
        Reply bad = server.admin.post(ROLLOUT, "{\"name\": \"x\", \"bakeTime\": \"5\", \"reason\": \"r\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text("detail")).contains("bakeTime");
        Reply unknown = server.admin.post(ROLLOUT, "{\"name\": \"x\", \"bake\": \"5s\", \"reason\": \"r\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text("detail")).contains("unknown field(s) [bake]");
        assertThat(server.admin.post(ROLLOUT, START.formatted("[10, 100]", "again")).status())
                .as("a finished rollout may be started again").isEqualTo(201);
        assertThat(server.admin.post(ROLLOUT, START.formatted("[10, 100]", "twice")).status())
                .as("a running one may not").isEqualTo(409);
    }

    private JsonNode rollout() {
        JsonNode all = server.reader.get("/api/observability/rollouts").json().get("rollouts");
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private String variant(String user) {
        return server.anonymous.with("X-User-Id", user).get("/api/dreams/" + dreams.get(0)).header("X-Dreamnet-Variant");
    }

    private Reply canaryResponse() {
        for (int i = 0; i < 200; i++) {
            Reply reply = server.anonymous.with("X-User-Id", "user-" + i).get("/api/dreams/" + dreams.get(0));
            if ("canary".equals(reply.header("X-Dreamnet-Variant"))) {
                return reply;
            }
        }
        throw new AssertionError("no canary among 200 subjects at 50%");
    }

    private void startTraffic() {
        traffic.set(true);
        load = new Thread(() -> {
            for (int i = 0; traffic.get(); i++) {
                Http user = server.anonymous.with("X-User-Id", "load-" + (i % 500));
                user.get("/api/dreams/" + dreams.get(i % dreams.size()));
            }
        }, "rollout-traffic");
        load.setDaemon(true);
        load.start();
    }

    private void stopTraffic() throws InterruptedException {
        traffic.set(false);
        if (load != null) {
            load.join(Duration.ofSeconds(10).toMillis());
        }
    }
}
