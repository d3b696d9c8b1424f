package dev.dreamnet.javalin.console;

import dev.dreamnet.runtime.console.Console;
import dev.dreamnet.runtime.console.ConsoleAsset;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;

/**
 * The operator console ({@link Console}) in a Javalin application: its page at {@code path} (such as
 * {@code /console}, itself under the plugin's prefix) and its assets under it, calling the plugin's JSON API under the
 * prefix with the token the operator enters. The page itself is open: it holds no data, and every read it makes goes
 * through the read-token check. Thread-safe (everything is read once, at construction).
 */
public final class ConsoleRoutes {

    private final String path;
    private final Console console;

    /**
     * @param prefix the plugin's prefix ({@code ""} or such as {@code /ops}): where the JSON API lives
     * @param path   where the console lives under the prefix, such as {@code /console}
     */
    public ConsoleRoutes(String prefix, String path) {
        this.path = path;
        this.console = new Console(prefix, prefix + path, Console.Api.PLUGIN, false);
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.get(path, ctx -> send(ctx, console.page()));
        for (ConsoleAsset asset : console.assets()) {
            routes.get(path + "/" + asset.name(), ctx -> send(ctx, asset));
        }
    }

    private static void send(Context ctx, ConsoleAsset asset) {
        Console.headers(asset).forEach(ctx::header);
        ctx.contentType(asset.contentType());
        ctx.result(asset.bytes());
    }
}
