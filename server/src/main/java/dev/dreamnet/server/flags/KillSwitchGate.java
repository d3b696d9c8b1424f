package dev.dreamnet.server.flags;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.router.Endpoint;
import java.util.Set;

/**
 * WRITE_DRAIN: once routing has matched, an application write is refused with a
 * {@link WritesRefusedException} (the web layer answers 503 with {@code Retry-After}) while reads keep working. The check comes before the handler runs, so a write
 * is either refused untouched or runs to its commit: none is half-applied, none acknowledged and lost.
 * Admin routes are not application writes, so the switch can always be turned off again.
 */
public final class KillSwitchGate implements Handler {

    /** The application's write endpoints, as "METHOD path-template". */
    public static final Set<String> WRITES = Set.of("POST /api/dreams");

    private final FlagService flags;

    public KillSwitchGate(FlagService flags) {
        this.flags = flags;
    }

    @Override
    public void handle(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        if (endpoint == null || !WRITES.contains(endpoint.method.name() + " " + endpoint.path)) {
            return;
        }
        if (flags.killSwitches().writeDrain()) {
            throw new WritesRefusedException(WritesRefusedException.Cause.WRITE_DRAIN, "writes are paused (WRITE_DRAIN is on); reads keep working");
        }
        if (!flags.allows("dreams.write")) {
            throw new WritesRefusedException(WritesRefusedException.Cause.FLAG_OFF, "flag dreams.write is off ("
                    + flags.snapshot().explain("dreams.write").rule() + ")");
        }
    }
}
