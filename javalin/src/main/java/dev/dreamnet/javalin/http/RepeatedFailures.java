package dev.dreamnet.javalin.http;

import dev.dreamnet.runtime.resilience.FailureKinds;
import io.javalin.http.Context;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;

/**
 * The log of one downstream's failures as requests meet them: WARN the first time a kind of failure is seen
 * (see {@link FailureKinds}) and then once every {@value #WARN_EVERY} repeats, DEBUG in between, so that an
 * outage is said once, not once per request. The failure's own text goes here and never to the client: it
 * can name hosts, databases, virtual hosts, tables and SQL. Thread-safe.
 */
final class RepeatedFailures {

    static final int WARN_EVERY = 100;

    private final Logger log;
    private final String downstream;
    private final AtomicReference<String> last = new AtomicReference<>();
    private final AtomicLong repeats = new AtomicLong();

    /**
     * @param log        where the lines go
     * @param downstream what failed, as the log line says it: {@code "database call"}, {@code "queue call"}
     */
    RepeatedFailures(Logger log, String downstream) {
        this.log = log;
        this.downstream = downstream;
    }

    void log(Context ctx, String message) {
        if (FailureKinds.isNew(last.getAndSet(message), message)) {
            repeats.set(0);
            log.warn("{} failed on {} {}: {}", downstream, ctx.method(), ctx.path(), message);
        } else if (repeats.incrementAndGet() % WARN_EVERY == 0) {
            log.warn("{} failed on {} {}: {} ({} more like it since the first)", downstream, ctx.method(), ctx.path(),
                    message, repeats.get());
        } else {
            log.debug("{} failed again on {} {}: {}", downstream, ctx.method(), ctx.path(), message);
        }
    }
}
