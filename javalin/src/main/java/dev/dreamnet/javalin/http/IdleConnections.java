package dev.dreamnet.javalin.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * The keep-alive connections that wait between requests. While a server stops gracefully they are closed as soon
 * as they are seen: Jetty would otherwise wait out their idle timeout or, with a short shutdown idle timeout, also
 * cut responses still being written to a client that reads slowly. Connections busy with a request are left alone;
 * once the connector is shut down Jetty ends those with {@code Connection: close}. A response that was committed
 * just before the connector shut down leaves its connection persistent and idle afterwards, so the sweep repeats
 * until the server has stopped.
 */
public final class IdleConnections implements LifeCycle.Listener {

    private final Server server;
    private final Duration period;
    private volatile Thread sweeper;

    private IdleConnections(Server server, Duration period) {
        this.server = server;
        this.period = period;
    }

    /** Sweeps {@code server}'s idle connections every {@code period} from the start of its stop to its end. */
    public static void closeWhileStopping(Server server, Duration period) {
        server.addEventListener(new IdleConnections(server, period));
    }

    /** Closes every HTTP/1 connection of {@code server} that has no request in progress; returns how many. */
    public static int close(Server server) {
        int closed = 0;
        for (EndPoint endPoint : endPoints(server)) {
            if (betweenRequests(endPoint)) {
                endPoint.close();
                closed++;
            }
        }
        return closed;
    }

    /** Every connection {@code server}'s connectors hold now (also swept by {@link HeaderDeadline}). */
    static List<EndPoint> endPoints(Server server) {
        List<EndPoint> all = new ArrayList<>();
        for (Connector connector : server.getConnectors()) {
            if (connector instanceof AbstractConnector endPoints) {
                all.addAll(endPoints.getConnectedEndPoints());
            }
        }
        return all;
    }

    @Override
    public void lifeCycleStopping(LifeCycle event) {
        close(server);
        Thread thread = new Thread(this::sweep, "dreamnet-http-idle-close");
        thread.setDaemon(true);
        sweeper = thread;
        thread.start();
    }

    @Override
    public void lifeCycleStopped(LifeCycle event) {
        Thread thread = sweeper;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void sweep() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(period.toMillis());
                close(server);
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean betweenRequests(EndPoint endPoint) {
        return endPoint.getConnection() instanceof HttpConnection http && http.getParser().isStart()
                && http.getHttpChannel().getRequest() == null;
    }
}
