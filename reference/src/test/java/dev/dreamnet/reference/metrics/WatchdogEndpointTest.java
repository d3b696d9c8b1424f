package dev.dreamnet.reference.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dreamnet.reference.DreamnetServer;
import dev.dreamnet.reference.support.DagJson;
import dev.dreamnet.reference.support.GraphJson;
import dev.dreamnet.reference.support.Http;
import dev.dreamnet.reference.support.Servers;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watchdogs at their endpoint: healthy at rest, CRIT naming both threads of a real deadlock. */
class WatchdogEndpointTest {

    @TempDir
    Path dir;

    private DreamnetServer server;
    private Http http;
    private final ReentrantLock first = new ReentrantLock();
    private final ReentrantLock second = new ReentrantLock();
    private final CountDownLatch bothHoldOne = new CountDownLatch(2);
    private Thread left;
    private Thread right;

    @BeforeEach
    void start() throws Exception {
        server = Servers.start(dir, GraphJson.reference());
        http = new Http(server.port());
        Servers.awaitReady(http);
    }

    @AfterEach
    void stop() throws InterruptedException {
        for (Thread thread : new Thread[] {left, right}) {
            if (thread != null) {
                thread.interrupt();
                thread.join(TimeUnit.SECONDS.toMillis(10));
            }
        }
        server.shutdown();
    }

    @Test
    void everyWatchdogReportsALevelAThresholdAndAReason() {
        JsonNode watchdogs = http.get("/api/observability/watchdogs").json();

        assertThat(watchdogs.get("watchdogs")).extracting(w -> w.get("name").asText())
                .contains("heap-after-gc", "gc-time-share", "threads", "deadlocks", "scheduler-lag");
        assertThat(DagJson.entry(watchdogs, "watchdogs", "deadlocks").get("level").asText()).isEqualTo("OK");
        for (JsonNode reading : watchdogs.get("watchdogs")) {
            assertThat(reading.get("reason").asText()).isNotBlank();
            assertThat(reading.get("level").asText()).isIn("OK", "WARN", "CRIT");
        }
    }

    @Test
    void aDeadlockedPairOfThreadsTurnsTheWatchdogCritWithTheirNames() {
        left = lockInOrder("deadlock-left", first, second);
        right = lockInOrder("deadlock-right", second, first);
        await().atMost(Servers.DEADLINE).until(() -> first.hasQueuedThread(right) && second.hasQueuedThread(left));

        JsonNode watchdogs = http.get("/api/observability/watchdogs").json();
        JsonNode deadlocks = DagJson.entry(watchdogs, "watchdogs", "deadlocks");

        assertThat(watchdogs.get("level").asText()).isEqualTo("CRIT");
        assertThat(deadlocks.get("level").asText()).isEqualTo("CRIT");
        assertThat(deadlocks.get("reason").asText()).contains("deadlock-left", "deadlock-right");
        assertThat(http.get("/api/observability/summary").json().get("attention").toString())
                .contains("watchdog deadlocks CRIT");
        assertThat(http.get("/metrics").body()).contains("dreamnet_watchdog_level{watchdog=\"deadlocks\"} 2.0");
    }

    private Thread lockInOrder(String name, ReentrantLock outer, ReentrantLock inner) {
        Thread thread = new Thread(() -> {
            outer.lock();
            try {
                bothHoldOne.countDown();
                bothHoldOne.await();
                inner.lockInterruptibly();
                inner.unlock();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                outer.unlock();
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
