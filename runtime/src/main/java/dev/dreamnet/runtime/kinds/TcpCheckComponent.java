package dev.dreamnet.runtime.kinds;

import dev.dreamnet.core.health.CheckResult;
import dev.dreamnet.core.health.HealthCheck;
import dev.dreamnet.core.startup.Component;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** The {@code tcp} kind: ready when a TCP connection to host:port opens. Thread-safe. */
final class TcpCheckComponent implements Component, HealthCheck {

    private final String host;
    private final int port;
    private final Duration timeout;

    TcpCheckComponent(String host, int port, Duration timeout) {
        this.host = host;
        this.port = port;
        this.timeout = timeout;
    }

    @Override
    public void start() throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
        } catch (IOException e) {
            throw new IOException("cannot connect to " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /** The same probe as {@link #start()}, repeated by its health gate. */
    @Override
    public CheckResult check() throws Exception {
        start();
        return CheckResult.pass("reachable");
    }
}
