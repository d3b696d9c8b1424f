package dev.dreamnet.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link TcpProxy}'s latency mode in front of a real echo server on loopback: a delayed chunk is held at least the
 * delay each way, and {@link TcpProxy#restore()} lets held chunks through at once. Only lower bounds on time are
 * asserted: a loaded machine can make a round trip slower, never faster.
 */
class TcpProxyTest {

    private ServerSocket echo;
    private TcpProxy proxy;

    @BeforeEach
    void startAnEchoServerBehindTheProxy() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::echoLoop, "echo");
        acceptor.setDaemon(true);
        acceptor.start();
        proxy = TcpProxy.to("127.0.0.1", echo.getLocalPort());
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        echo.close();
    }

    @Test
    void withoutADelayBytesGoThroughBothWays() throws Exception {
        try (Socket client = connect()) {
            assertThat(roundTrip(client, 'a')).isEqualTo('a');
        }
    }

    @Test
    void aDelayHoldsEachChunkAtLeastThatLongInEachDirection() throws Exception {
        try (Socket client = connect()) {
            assertThat(roundTrip(client, 'a')).isEqualTo('a');
            proxy.delay(Duration.ofMillis(150));

            long start = System.nanoTime();
            assertThat(roundTrip(client, 'b')).isEqualTo('b');

            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("150 ms up, then 150 ms down")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
    }

    @Test
    void aDelayAppliesToNewConnectionsToo() throws Exception {
        proxy.delay(Duration.ofMillis(100));
        try (Socket client = connect()) {
            long start = System.nanoTime();
            assertThat(roundTrip(client, 'c')).isEqualTo('c');

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        }
    }

    @Test
    void restoreLetsADelayedChunkThroughAtOnceAndClearsTheDelay() throws Exception {
        try (Socket client = connect()) {
            proxy.delay(Duration.ofHours(1));
            CompletableFuture<Integer> held = CompletableFuture.supplyAsync(() -> {
                try {
                    return roundTrip(client, 'd');
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(held).as("held by the hour's delay").isNotDone();

            proxy.restore();

            assertThat(held.get(10, TimeUnit.SECONDS)).isEqualTo('d');
            assertThat(roundTrip(client, 'e')).isEqualTo('e');
        }
    }

    @Test
    void aNegativeDelayIsRefusedNamingIt() {
        assertThatThrownBy(() -> proxy.delay(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("delay must be >= 0, was PT-0.001S");
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", proxy.port());
        socket.setSoTimeout(20_000);
        return socket;
    }

    /** Sends one byte and reads the echo. */
    private static int roundTrip(Socket client, char value) throws IOException {
        OutputStream out = client.getOutputStream();
        out.write(value);
        out.flush();
        return client.getInputStream().read();
    }

    private void echoLoop() {
        while (!echo.isClosed()) {
            try {
                Socket socket = echo.accept();
                Thread pump = new Thread(() -> echoEach(socket), "echo-pump");
                pump.setDaemon(true);
                pump.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private static void echoEach(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            int b;
            while ((b = in.read()) >= 0) {
                out.write(b);
                out.flush();
            }
        } catch (IOException e) {
            // the test closed the connection
        }
    }
}
