package dev.dreamnet.javalin.http;

import dev.dreamnet.runtime.metrics.Saturation.Workers;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ThreadPool;

/** Reads Jetty's worker pool for {@link dev.dreamnet.runtime.metrics.Saturation}. */
public final class JettyWorkers {

    private JettyWorkers() {
    }

    /** Busy and maximum threads of {@code threads}; unknown fields are null, and a null pool is {@link Workers#UNKNOWN}. */
    public static Workers of(ThreadPool threads) {
        if (threads instanceof QueuedThreadPool queued) {
            int busy = queued.getBusyThreads();
            int max = queued.getMaxThreads();
            return new Workers(busy, max, max > 0 ? (double) busy / max : null);
        }
        if (threads instanceof ThreadPool.SizedThreadPool sized) {
            return new Workers(null, sized.getMaxThreads(), null);
        }
        return Workers.UNKNOWN;
    }
}
