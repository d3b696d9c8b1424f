package dev.dreamnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.reference.DreamnetServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dreamnet rollouts}, {@code dreamnet rollout ...} and {@code dreamnet fleet} in-process against a live server. */
class RolloutCommandsTest {

    private static final String ADMIN = "rollout-admin-token";
    private static final String GRAPH = "{\"services\": ["
            + "{\"name\": \"database\", \"kind\": \"database\", \"readiness\": {\"query\": \"SELECT 1\"}},"
            + "{\"name\": \"migrations\", \"dependsOn\": [\"database\"]},"
            + "{\"name\": \"core\", \"dependsOn\": [\"migrations\"]},"
            + "{\"name\": \"api\", \"dependsOn\": [\"core\"]}]}";

    @TempDir
    static Path dir;

    private static DreamnetServer server;
    private static String url;

    @BeforeAll
    static void startServer() throws Exception {
        server = LiveServer.start(dir, GRAPH, Map.of("DREAMNET_ADMIN_TOKENS", ADMIN));
        url = LiveServer.url(server);
    }

    @AfterAll
    static void stopServer() {
        server.shutdown();
    }

    private static Cli rollout(String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "rollout";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--url";
        all[args.length + 2] = url;
        all[args.length + 3] = "--token=" + ADMIN;
        return Cli.run(all);
    }

    @Test
    void anOperatorWalksARolloutThroughEveryAction() {
        Cli start = rollout("start", "cli-walk", "--steps", "10,50,100", "--bake", "1h", "--reason", "rehearsal");
        assertThat(start.exitCode()).as(start.err()).isZero();
        assertThat(start.out()).startsWith("cli-walk: RUNNING at 10.00% (step 1 of [10.0,50.0,100.0])")
                .contains("  baseline ").contains("  canary ");

        assertThat(rollout("pause", "cli-walk").out()).startsWith("cli-walk: PAUSED at 10.00%");
        assertThat(rollout("resume", "cli-walk").out()).startsWith("cli-walk: RUNNING at 10.00%");
        assertThat(rollout("promote", "cli-walk").out()).startsWith("cli-walk: RUNNING at 50.00% (step 2");
        assertThat(rollout("status", "cli-walk").out()).startsWith("cli-walk: RUNNING at 50.00%");
        assertThat(rollout("rollback", "cli-walk", "--reason", "INC-9").out())
                .startsWith("cli-walk: ROLLED_BACK at 0.00%").contains("INC-9");
        assertThat(Cli.run("rollouts", "--url", url).out()).contains("cli-walk: ROLLED_BACK");
    }

    @Test
    void theJudgesSettingsCanBeGivenAtStart() throws Exception {
        Cli start = rollout("start", "cli-judge", "--significance", "0.02", "--latency-tolerance", "0.3",
                "--latency-effect", "0.1", "--reason", "tuned judge", "--json");
        assertThat(start.exitCode()).as(start.err()).isZero();
        com.fasterxml.jackson.databind.JsonNode config = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(start.out()).path("config");
        assertThat(config.path("significance").asDouble()).isEqualTo(0.02);
        assertThat(config.path("latencyTolerance").asDouble()).isEqualTo(0.3);
        assertThat(config.path("latencyEffect").asDouble()).isEqualTo(0.1);
        rollout("rollback", "cli-judge", "--reason", "done");
    }

    @Test
    void fleetListsThisInstanceAsConverged() {
        // The first heartbeat is written once startup completes, just after started() does.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> Cli.run("fleet", "--url", url).out().startsWith("1 live"));
        Cli cli = Cli.run("fleet", "--url", url);

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).startsWith("1 live instance(s), converged\n").contains("(this one)");
    }

    @Test
    void badInputIsOneLineWithItsExitCode() {
        Cli noReason = rollout("start", "cli-bad");
        Cli unknownAction = rollout("frobnicate", "cli-bad");
        Cli unknownRollout = rollout("promote", "nope");
        Cli unknownStatus = rollout("status", "nope");
        Cli badBake = rollout("start", "cli-bad", "--bake", "5", "--reason", "r");
        Cli noToken = Cli.run("rollout", "pause", "cli-bad", "--url", url);

        assertThat(noReason.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noReason.err()).contains("--reason is required for start");
        assertThat(unknownAction.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknownRollout.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(unknownRollout.err()).startsWith("dreamnet: server answered 404").contains("no rollout \"nope\"");
        assertThat(unknownStatus.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(badBake.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badBake.err()).contains("bakeTime: must be a duration");
        assertThat(noToken.exitCode()).isEqualTo(ExitCodes.NO_PERMISSION);
        for (Cli cli : new Cli[] {noReason, unknownRollout, badBake, noToken}) {
            assertThat(cli.err()).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }
}
