package dev.dreamnet.javalin.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dreamnet.javalin.DreamNetPlugin;
import dev.dreamnet.runtime.DreamNet;
import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The last step of a graceful stop, through raw sockets so the test controls how fast the client reads: a response
 * still being written when the port closes reaches a slow client whole, and the keep-alive connections waiting
 * between requests are closed rather than waited for.
 */
class GracefulStopTest {

    /** Far more than the socket buffers on both sides hold, so the server blocks until the client reads. */
    private static final byte[] LARGE = new byte[16 * 1024 * 1024];
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    static {
        Arrays.fill(LARGE, (byte) 'z');
    }

    private final CountDownLatch release = new CountDownLatch(1);
    private DreamNet dreamnet;
    private Javalin app;
    private volatile Server jetty;
    private int port;

    @BeforeEach
    void start() throws Exception {
        dreamnet = DreamNet.builder().environment(Map.of())
                .database("jdbc:h2:mem:stop_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1").build();
        app = Javalin.create(config -> {
            config.registerPlugin(new DreamNetPlugin(dreamnet, plugin -> { }));
            config.jetty.modifyServer(server -> jetty = server);
            config.routes.get("/large", ctx -> ctx.result(LARGE));
            config.routes.get("/small", ctx -> ctx.result("ok"));
            config.routes.get("/held", ctx -> {
                if (!release.await(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException("the test never released /held");
                }
                ctx.result("held");
            });
        }).start("127.0.0.1", 0);
        port = app.port();
        dreamnet.start();
        await().atMost(DEADLINE).until(() -> dreamnet.state().readiness().ready());
    }

    @AfterEach
    void stop() {
        release.countDown();
        dreamnet.shutdown();
        app.stop();
    }

    // Regression: a 200 ms shutdown idle timeout cut the response of a client that paused reading for longer.
    @Test
    void aResponseStillBeingWrittenReachesAClientThatPausesWhileThePortCloses() throws Exception {
        CompletableFuture<Void> shutdown;
        try (Socket client = connect()) {
            send(client, "/large");
            InputStream in = client.getInputStream();
            String head = readHead(in);
            byte[] first = in.readNBytes(64 * 1024);

            shutdown = CompletableFuture.runAsync(dreamnet::shutdown);
            await("the port closes").atMost(DEADLINE).until(() -> !accepts());
            Thread.sleep(1_000); // the slow client: reads nothing for a second while the server is stopping
            byte[] rest = in.readAllBytes();

            assertThat(head).startsWith("HTTP/1.1 200");
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.write(first);
            body.write(rest);
            assertThat(bodyLength(head, body.toByteArray())).isEqualTo(LARGE.length);
        }
        shutdown.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Test
    void onlyTheConnectionsWaitingBetweenRequestsAreClosed() throws Exception {
        try (Socket idle = connect(); Socket busy = connect()) {
            send(idle, "/small");
            InputStream idleIn = idle.getInputStream();
            int length = contentLength(readHead(idleIn));
            assertThat(new String(idleIn.readNBytes(length), StandardCharsets.UTF_8)).isEqualTo("ok");
            send(busy, "/held");
            await("the held request is being handled").atMost(DEADLINE)
                    .until(() -> dreamnet.inFlight().count() == 1);

            assertThat(IdleConnections.close(jetty)).isEqualTo(1);

            assertThat(idleIn.read()).as("the idle keep-alive connection is closed").isEqualTo(-1);
            release.countDown();
            InputStream busyIn = busy.getInputStream();
            String head = readHead(busyIn);
            assertThat(head).startsWith("HTTP/1.1 200");
            assertThat(new String(busyIn.readNBytes(contentLength(head)), StandardCharsets.UTF_8)).isEqualTo("held");
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), (int) DEADLINE.toMillis());
        socket.setSoTimeout((int) DEADLINE.toMillis());
        socket.setReceiveBufferSize(16 * 1024);
        return socket;
    }

    private boolean accepts() {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static void send(Socket socket, String path) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** The status line and headers, up to the blank line. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        while (matched < end.length) {
            int b = in.read();
            assertThat(b).as("the connection closed inside the response head").isNotEqualTo(-1);
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    /** The length of the body as sent, whole: by Content-Length or chunk by chunk up to the last chunk. */
    private static int bodyLength(String head, byte[] raw) {
        if (!head.toLowerCase().contains("transfer-encoding: chunked")) {
            assertThat(raw).hasSize(contentLength(head));
            return raw.length;
        }
        int length = 0;
        int at = 0;
        while (true) {
            int lineEnd = indexOfCrLf(raw, at);
            assertThat(lineEnd).as("the chunked body ends inside a chunk size line at byte %d", at).isNotNegative();
            int size = Integer.parseInt(new String(raw, at, lineEnd - at, StandardCharsets.US_ASCII).trim(), 16);
            if (size == 0) {
                return length;
            }
            at = lineEnd + 2 + size + 2;
            assertThat(at).as("the chunked body is cut inside a chunk").isLessThanOrEqualTo(raw.length);
            length += size;
        }
    }

    private static int indexOfCrLf(byte[] raw, int from) {
        for (int i = from; i + 1 < raw.length; i++) {
            if (raw[i] == '\r' && raw[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int contentLength(String head) {
        return head.lines().filter(line -> line.toLowerCase().startsWith("content-length:"))
                .map(line -> Integer.parseInt(line.substring("content-length:".length()).trim()))
                .findFirst().orElseThrow(() -> new AssertionError("no Content-Length in " + head));
    }
}
