package dev.dreamnet.reference.shutdown;

import static dev.dreamnet.reference.support.GraphJson.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dreamnet.core.startup.NodeSnapshot;
import dev.dreamnet.core.startup.NodeState;
import dev.dreamnet.reference.DreamnetServer;
import dev.dreamnet.reference.support.GraphJson;
import dev.dreamnet.reference.support.Http;
import dev.dreamnet.reference.support.Reply;
import dev.dreamnet.reference.support.Servers;
import dev.dreamnet.reference.support.TestCustomizer;
import dev.dreamnet.testing.StopRecorder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM's path: readiness off first, in-flight requests finish, the port closes, services stop in reverse. */
class GracefulShutdownTest {

    private static final int REQUESTS = 8;
    /** Large enough that writing it takes a while after the handler returned. */
    private static final String PAYLOAD = "z".repeat(512 * 1024);

    @TempDir
    Path dir;

    private final CountDownLatch release = new CountDownLatch(1);
    private final StopRecorder stops = new StopRecorder();
    private final ExecutorService clients = Executors.newFixedThreadPool(REQUESTS);
    private DreamnetServer server;
    private Http http;
    private int port;

    private void start(Duration grace) throws Exception {
        GraphJson graph = GraphJson.of(service("base").kind("recorder"),
                service("database").kind("database").dependsOn("base"), service("schema").dependsOn("database"),
                service("core").dependsOn("schema"), service("api").dependsOn("core"),
                service("front").kind("recorder").dependsOn("api"));
        TestCustomizer customizer = new TestCustomizer().kind("recorder", spec -> stops.component(spec.name()))
                .get("/api/slow", ctx -> {
                    if (!release.await(Servers.DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
                        throw new IllegalStateException("the test never released /api/slow");
                    }
                    ctx.result(PAYLOAD);
                });
        server = DreamnetServer.start(Servers.config(dir, graph.writeTo(dir)).shutdownGrace(grace).build(), customizer);
        port = server.port();
        http = new Http(port);
        Servers.awaitReady(http);
    }

    @AfterEach
    void stop() {
        release.countDown();
        clients.shutdownNow();
        if (server != null) {
            server.shutdown();
        }
    }

    // Regression: responses were cut off because the port closed before Javalin had written them.
    @Test
    void requestsInFlightAtShutdownAllFinishWhileNewOnesAreTurnedAway() throws Exception {
        start(Duration.ofSeconds(10));
        List<Future<Reply>> slow = fireSlowRequests();
        CompletableFuture<Void> shutdown = CompletableFuture.runAsync(server::shutdown);

        await("readiness turns false while draining").atMost(Servers.DEADLINE)
                .until(() -> http.get("/health/ready").status() == 503);
        Reply ready = http.get("/health/ready");
        assertThat(ready.json().get("draining").asBoolean()).isTrue();
        assertThat(Http.portOpen(port)).as("port open while draining").isTrue();
        assertThat(ready.text("reason")).contains("shutting down");
        Reply fresh = http.get("/api/dreams");
        assertThat(fresh.status()).isEqualTo(503);
        assertThat(fresh.header("Retry-After")).isNotBlank();
        assertThat(shutdown).isNotDone();

        release.countDown();
        for (Future<Reply> reply : slow) {
            Reply done = reply.get(Servers.DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(done.status()).isEqualTo(200);
            assertThat(done.body()).hasSameSizeAs(PAYLOAD);
        }
        shutdown.get(Servers.DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(Http.portOpen(port)).as("port still open after shutdown").isFalse();
    }

    @Test
    void afterShutdownEveryServiceIsStoppedInReverseDependencyOrder() throws Exception {
        start(Duration.ofSeconds(10));
        List<Future<Reply>> slow = fireSlowRequests();
        CompletableFuture<Void> shutdown = CompletableFuture.runAsync(server::shutdown);
        release.countDown();
        shutdown.get(Servers.DEADLINE.toMillis(), TimeUnit.MILLISECONDS);

        assertThat(slow).allSatisfy(reply -> assertThat(reply.get().status()).isEqualTo(200));
        assertThat(stops.stopped()).containsExactly("front", "base");
        assertThat(server.state().dag().snapshot().nodes()).extracting(NodeSnapshot::state)
                .containsOnly(NodeState.STOPPED);
    }

    // Regression: when the HTTP server failed to stop in time, the services were never stopped.
    @Test
    void aRequestHangingPastTheGracePeriodDoesNotKeepTheServicesRunning() throws Exception {
        start(Duration.ofMillis(100));
        fireSlowRequests(1);

        server.shutdown();

        assertThat(stops.stopped()).containsExactly("front", "base");
        assertThat(server.state().dag().snapshot().nodes()).extracting(NodeSnapshot::state)
                .containsOnly(NodeState.STOPPED);
    }

    private List<Future<Reply>> fireSlowRequests() {
        return fireSlowRequests(REQUESTS);
    }

    private List<Future<Reply>> fireSlowRequests(int count) {
        List<Future<Reply>> replies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            replies.add(clients.submit(() -> http.get("/api/slow")));
        }
        await("all slow requests in flight").atMost(Servers.DEADLINE).until(() -> server.inFlight() == count);
        return replies;
    }
}
