package dev.dreamnet.reference.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A plain TCP connection to the server, for what a real HTTP client never does: send a request piece by piece,
 * or hang up half-way through it. Not thread-safe.
 */
public final class RawClient implements AutoCloseable {

    private final Socket socket;
    private final StringBuilder received = new StringBuilder();
    private boolean closedByServer;

    public RawClient(int port) {
        try {
            this.socket = new Socket("127.0.0.1", port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect to port " + port, e);
        }
    }

    /** Sends {@code text}; false when the server has closed the connection already. */
    public boolean send(String text) {
        try {
            socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return true;
        } catch (IOException e) {
            closedByServer = true;
            return false;
        }
    }

    /**
     * Reads what the server sent within {@code wait} (the client's pause between two pieces); true once the
     * server has closed the connection.
     */
    public boolean closedAfter(Duration wait) {
        if (closedByServer) {
            return true;
        }
        try {
            socket.setSoTimeout((int) Math.max(1, wait.toMillis()));
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                received.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
            }
            closedByServer = true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            closedByServer = true;
        }
        return true;
    }

    /** Everything the server sent so far. */
    public String received() {
        return received.toString();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
