package dev.dreamnet.core.startup;

import static dev.dreamnet.core.startup.GraphFixture.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StartupDagTest {

    private final GraphFixture graph = new GraphFixture();

    @Test
    void startsAChainInDependencyOrderAndEndsReady() throws Exception {
        graph.service(spec("database"));
        graph.service(spec("queues", "database"));
        graph.service(spec("api", "queues"));

        StartupDag dag = graph.startDirect();

        assertThat(graph.log).containsExactly("start:database", "start:queues", "start:api");
        assertThat(dag.started()).isCompletedWithValueMatching(s -> s.status() == StartupStatus.READY);
        assertThat(dag.snapshot().nodes()).allMatch(n -> n.state() == NodeState.READY);
    }

    @Test
    void diamondJoinStartsOnlyWhenBothParentsAreReady() throws Exception {
        graph.service(spec("database"));
        graph.service(spec("left", "database"));
        graph.service(spec("right", "database"));
        graph.service(spec("api", "left", "right"));
        QueueExecutor executor = new QueueExecutor();
        StartupDag dag = graph.build(executor).start();

        executor.runNext();
        executor.runNext();
        assertThat(graph.node(dag, "api").state()).isEqualTo(NodeState.PENDING);
        executor.runNext();

        assertThat(graph.node(dag, "api").state()).isEqualTo(NodeState.STARTING);
        executor.runAll();
        assertThat(dag.started()).isCompletedWithValueMatching(s -> s.status() == StartupStatus.READY);
    }

    @Test
    void aServiceStartsTheMomentItsParentsAreReadyWithoutWaitingForItsLevel() throws Exception {
        graph.service(spec("fast"));
        graph.service(spec("slow"));
        graph.service(spec("afterFast", "fast"));
        QueueExecutor executor = new QueueExecutor();
        StartupDag dag = graph.build(executor).start();

        executor.runNext();

        assertThat(graph.node(dag, "slow").state()).isEqualTo(NodeState.STARTING);
        assertThat(graph.node(dag, "afterFast").state()).isEqualTo(NodeState.STARTING);
    }

    @Test
    void failedStartIsRetriedWithDoublingBackoffThenSucceeds() throws Exception {
        graph.service(spec("database").retries(3), 2);
        StartupDag dag = graph.startDirect();
        assertThat(graph.time.pendingDelays()).first().isEqualTo(Duration.ofMillis(100));

        graph.time.advance(Duration.ofMillis(100));
        assertThat(graph.time.pendingDelays()).first().isEqualTo(Duration.ofMillis(200));
        graph.time.advance(Duration.ofMillis(200));

        NodeSnapshot database = graph.node(dag, "database");
        assertThat(database.state()).isEqualTo(NodeState.READY);
        assertThat(database.attempts()).isEqualTo(3);
        assertThat(dag.started()).isCompletedWithValueMatching(s -> s.status() == StartupStatus.READY);
    }

    @Test
    void givesUpAfterItsRetriesAndSaysHowManyAttemptsFailed() throws Exception {
        graph.service(spec("database").retries(1), 5);
        StartupDag dag = graph.startDirect();

        graph.time.advance(Duration.ofSeconds(1));

        StartupSnapshot result = dag.started().getNow(null);
        assertThat(result.status()).isEqualTo(StartupStatus.FAILED);
        assertThat(result.reason())
                .isEqualTo("critical service \"database\" failed after 2 attempt(s): database is not reachable");
    }

    @Test
    void criticalFailureAbortsAndStopsWhatStartedInReverseOrder() throws Exception {
        graph.service(spec("database"));
        graph.service(spec("cache"));
        graph.service(spec("queues", "database"));
        graph.service(spec("core", "queues").retries(0), 1);
        StartupDag dag = graph.startDirect();

        StartupSnapshot result = dag.started().getNow(null);
        assertThat(result.status()).isEqualTo(StartupStatus.FAILED);
        assertThat(result.reason()).startsWith("critical service \"core\" failed after 1 attempt(s)");
        assertThat(graph.log).containsSubsequence("stop:queues", "stop:database").contains("stop:cache");
        assertThat(result.nodes()).filteredOn(n -> !n.name().equals("core"))
                .allMatch(n -> n.state() == NodeState.STOPPED);
    }

    @Test
    void nonCriticalFailureBlocksOnlyItsDependentsAndEndsDegraded() throws Exception {
        graph.service(spec("database"));
        graph.service(spec("agents", "database").critical(false).retries(0), 1);
        graph.service(spec("citadel", "agents").critical(false));
        graph.service(spec("drone", "citadel").critical(false));
        graph.service(spec("api", "database"));
        StartupDag dag = graph.startDirect();

        StartupSnapshot result = dag.started().getNow(null);
        assertThat(result.status()).isEqualTo(StartupStatus.DEGRADED);
        assertThat(graph.node(dag, "api").state()).isEqualTo(NodeState.READY);
        NodeSnapshot drone = graph.node(dag, "drone");
        assertThat(drone.state()).isEqualTo(NodeState.BLOCKED);
        assertThat(drone.blockedBy()).isEqualTo("agents");
        assertThat(drone.error()).isEqualTo("depends on \"citadel\", which is blocked by \"agents\"");
        assertThat(result.reason()).contains("agents failed", "citadel blocked", "drone blocked");
    }

    @Test
    void criticalServiceBlockedByANonCriticalFailureAbortsStartup() throws Exception {
        graph.service(spec("agents").critical(false).retries(0), 1);
        graph.service(spec("api", "agents"));
        StartupDag dag = graph.startDirect();

        StartupSnapshot result = dag.started().getNow(null);
        assertThat(result.status()).isEqualTo(StartupStatus.FAILED);
        assertThat(result.reason()).startsWith("critical service \"api\" is blocked: non-critical service \"agents\"");
    }

    @Test
    void hungStartTimesOutWithinItsStartTimeout() throws Exception {
        graph.service(spec("database").startTimeout(Duration.ofSeconds(30)));
        QueueExecutor neverRuns = new QueueExecutor();
        StartupDag dag = graph.build(neverRuns).start();

        graph.time.advance(Duration.ofSeconds(29));
        assertThat(dag.started()).isNotDone();
        graph.time.advance(Duration.ofSeconds(1));

        assertThat(dag.started().getNow(null).reason())
                .isEqualTo("critical service \"database\" timed out after 30s (1 attempt(s))");
    }

    @Test
    void hungStartOnARealThreadIsInterruptedWhenItTimesOut() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        graph.service(spec("database").startTimeout(Duration.ofSeconds(5))).hangingUntil(never);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            StartupDag dag = graph.build(pool).start();
            graph.time.advance(Duration.ofSeconds(5));

            StartupSnapshot result = dag.started().get(5, TimeUnit.SECONDS);
            assertThat(result.status()).isEqualTo(StartupStatus.FAILED);
            pool.shutdown();
            assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).as("hung start was interrupted").isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void retryIsNotAttemptedWhenItsBackoffWouldEndPastTheTimeout() throws Exception {
        graph.service(spec("database").startTimeout(Duration.ofMillis(150)).retries(5), 5);
        StartupDag dag = graph.startDirect();

        graph.time.advance(Duration.ofMillis(100));

        assertThat(graph.node(dag, "database").attempts()).isEqualTo(2);
        assertThat(dag.started().getNow(null).status()).isEqualTo(StartupStatus.FAILED);
    }

    @Test
    void shutdownStopsInReverseDependencyOrderAndInParallelAcrossBranches() throws Exception {
        graph.service(spec("database"));
        graph.service(spec("left", "database"));
        graph.service(spec("right", "database"));
        graph.service(spec("api", "left", "right"));
        QueueExecutor executor = new QueueExecutor();
        StartupDag dag = graph.build(executor).start();
        executor.runAll();

        dag.shutdown();
        executor.runNext();
        assertThat(graph.node(dag, "left").state()).isEqualTo(NodeState.STOPPING);
        assertThat(graph.node(dag, "right").state()).isEqualTo(NodeState.STOPPING);
        executor.runAll();

        assertThat(graph.log.subList(4, 8)).containsExactly("stop:api", "stop:left", "stop:right", "stop:database");
        assertThat(dag.shutdown()).isCompletedWithValueMatching(s -> s.status() == StartupStatus.STOPPED);
    }

    @Test
    void aStopThatFailsIsRecordedAndShutdownGoesOn() throws Exception {
        graph.service(spec("database"));
        graph.service(spec("api", "database")).failingToStop();
        StartupDag dag = graph.startDirect();

        StartupSnapshot result = dag.shutdown().getNow(null);

        assertThat(graph.log).endsWith("stop:api", "stop:database");
        assertThat(graph.node(dag, "api").error()).isEqualTo("stop failed: api refused to stop");
        assertThat(result.status()).isEqualTo(StartupStatus.STOPPED);
    }

    @Test
    void shutdownDuringStartupCancelsWhatIsStartingAndStopsWhatStarted() throws Exception {
        graph.service(spec("database"));
        graph.service(spec("api", "database"));
        QueueExecutor executor = new QueueExecutor();
        StartupDag dag = graph.build(executor).start();
        executor.runNext();

        dag.shutdown();
        executor.runAll();

        assertThat(graph.node(dag, "api").state()).isEqualTo(NodeState.FAILED);
        assertThat(graph.node(dag, "database").state()).isEqualTo(NodeState.STOPPED);
        assertThat(dag.shutdown()).isCompleted();
    }

    @Test
    void tenThousandServiceChainStartsAndStopsWithoutStackOverflow() throws Exception {
        graph.service(spec("s0"));
        for (int i = 1; i < 10_000; i++) {
            graph.service(spec("s" + i, "s" + (i - 1)));
        }
        StartupDag dag = graph.startDirect();

        assertThat(dag.started().getNow(null).status()).isEqualTo(StartupStatus.READY);
        assertThat(dag.shutdown().getNow(null).status()).isEqualTo(StartupStatus.STOPPED);
        assertThat(graph.log.get(graph.log.size() - 1)).isEqualTo("stop:s0");
    }

    @Test
    void criticalPathIsTheChainWithTheLongestTotalStartTime() throws Exception {
        graph.service(spec("database")).taking(graph.time, Duration.ofMillis(300));
        graph.service(spec("queues", "database")).taking(graph.time, Duration.ofMillis(50));
        graph.service(spec("cache", "database")).taking(graph.time, Duration.ofMillis(400));
        graph.service(spec("api", "queues", "cache")).taking(graph.time, Duration.ofMillis(100));
        StartupDag dag = graph.startDirect();

        StartupSnapshot result = dag.started().getNow(null);

        assertThat(result.criticalPath()).containsExactly("database", "cache", "api");
        assertThat(result.criticalPathDuration()).isGreaterThanOrEqualTo(Duration.ofMillis(800));
    }

    @Test
    void everyTransitionIsToldToListenersAndAThrowingListenerBreaksNothing() throws Exception {
        graph.service(spec("database"));
        List<NodeTransition> seen = new ArrayList<>();
        StartupDag dag = StartupDag.builder(StartupGraph.of("g", graph.services), s -> graph.components.get(s.name()))
                .executor(Runnable::run).scheduler(graph.time).clock(graph.time)
                .listener(t -> {
                    throw new IllegalStateException("listener bug");
                })
                .listener(seen::add)
                .build().start();

        assertThat(dag.started().getNow(null).status()).isEqualTo(StartupStatus.READY);
        assertThat(seen).extracting(NodeTransition::to).containsExactly(NodeState.STARTING, NodeState.READY);
    }

    @Test
    void unknownKindIsRejectedBeforeAnythingStarts() throws Exception {
        graph.service(spec("database"));
        StartupGraph validated = StartupGraph.of("deploy/graph.json", graph.services);

        assertThatThrownBy(() -> StartupDag.builder(validated, s -> {
            throw new IllegalArgumentException("unknown kind \"databse\" (did you mean \"database\"?)");
        }).executor(Runnable::run).scheduler(graph.time).build())
                .isInstanceOf(GraphValidationException.class)
                .hasMessage("deploy/graph.json: service \"database\": kind: unknown kind \"databse\" (did you mean \"database\"?)");
        assertThat(graph.log).isEmpty();
    }
}
