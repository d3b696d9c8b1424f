package dev.dreamnet.reference.http;

import dev.dreamnet.javalin.http.HttpLimits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dreamnet.reference.DreamnetServer;
import dev.dreamnet.reference.support.GraphJson;
import dev.dreamnet.reference.support.Http;
import dev.dreamnet.reference.support.RawClient;
import dev.dreamnet.reference.support.Servers;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that send a request a few bytes at a time: each piece reset the idle timeout, so one header line every
 * 5 s held a connection for ever and one body byte every 5 s held a worker thread. The test client pauses
 * {@link #PAUSE} between pieces and gives up after {@link #DRIBBLE_FOR}, well past the 1 s read timeout.
 */
class SlowClientTest {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration PAUSE = Duration.ofMillis(200);
    private static final Duration DRIBBLE_FOR = Duration.ofSeconds(4);

    @TempDir
    Path dir;

    private DreamnetServer server;

    @BeforeEach
    void start() throws Exception {
        server = DreamnetServer.start(Servers.config(dir, GraphJson.reference().writeTo(dir))
                .http(HttpLimits.builder().readTimeout(READ_TIMEOUT).build()).build());
        Servers.awaitReady(new Http(server.port()));
    }

    @AfterEach
    void stop() {
        server.shutdown();
    }

    @Test
    void headersSentOneLineAtATimeAreCutOffAtTheReadTimeout() {
        try (RawClient client = new RawClient(server.port())) {
            client.send("GET /health/live HTTP/1.1\r\nHost: localhost\r\n");

            boolean closed = dribble(client, i -> "X-Slow-" + i + ": still coming\r\n");

            assertThat(closed).as("the server closed the connection while the headers dribbled in").isTrue();
            assertThat(client.received()).as("no request was ever handled").doesNotContain("200");
        }
    }

    @Test
    void aBodySentOneByteAtATimeIsAnswered408AndFreesItsWorker() {
        try (RawClient client = new RawClient(server.port())) {
            client.send("POST /api/dreams HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100\r\n\r\n");

            boolean closed = dribble(client, i -> " ");

            assertThat(closed).as("the server gave up on the body").isTrue();
            assertThat(client.received()).startsWith("HTTP/1.1 408").contains("\"error\":\"request timeout\"");
        }
        await("the worker is free again").atMost(Servers.DEADLINE).until(() -> server.inFlight() == 0);
    }

    /** Regression guard: the read-rate check applies to requests with a body only, and a chunked one is such a request. */
    @Test
    void aChunkedBodySentOneByteAtATimeIsAnswered408Too() {
        try (RawClient client = new RawClient(server.port())) {
            client.send("POST /api/dreams HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n");

            boolean closed = dribble(client, i -> "1\r\n \r\n");

            assertThat(closed).as("the server gave up on the body").isTrue();
            assertThat(client.received()).startsWith("HTTP/1.1 408").contains("\"error\":\"request timeout\"");
        }
        await("the worker is free again").atMost(Servers.DEADLINE).until(() -> server.inFlight() == 0);
    }

    /** Sends one piece per pause until the server closes the connection (true) or the client gives up (false). */
    private static boolean dribble(RawClient client, java.util.function.IntFunction<String> piece) {
        for (int i = 0; i < DRIBBLE_FOR.dividedBy(PAUSE); i++) {
            if (!client.send(piece.apply(i)) || client.closedAfter(PAUSE)) {
                return true;
            }
        }
        return false;
    }
}
