package dev.dreamnet.javalin.http;

import io.javalin.config.JettyConfig;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Applies {@link HttpLimits} to Jetty: a bounded worker pool, the connection idle timeout, and a minimum
 * rate at which a request body must arrive (a client sending one byte every few seconds gets 408 instead of
 * holding a worker). The header deadline is {@link HeaderDeadline}'s. Stateless.
 */
final class JettyLimits {

    /** Far below any real client, far above one that dribbles a byte every second or so. */
    static final long MIN_BODY_BYTES_PER_SECOND = 128;
    private static final int MIN_THREADS = 8;

    private JettyLimits() {
    }

    static void apply(JettyConfig jetty, HttpLimits limits) {
        QueuedThreadPool workers = new QueuedThreadPool(limits.maxThreads(), Math.min(MIN_THREADS, limits.maxThreads()));
        workers.setName("dreamnet-http");
        jetty.threadPool = workers;
        jetty.modifyServer(server -> {
            server.insertHandler(new BodyDataRateHandler(MIN_BODY_BYTES_PER_SECOND));
            // Javalin adds its connector after this runs: set the idle timeout once it exists, before it opens.
            server.addEventListener(new LifeCycle.Listener() {
                @Override
                public void lifeCycleStarting(LifeCycle event) {
                    idleTimeout(server, limits);
                }
            });
        });
    }

    private static void idleTimeout(Server server, HttpLimits limits) {
        for (Connector connector : server.getConnectors()) {
            if (connector instanceof AbstractConnector configurable) {
                configurable.setIdleTimeout(limits.idleTimeout().toMillis());
            }
        }
    }
}
