package dev.dreamnet.bench.http;

import io.javalin.Javalin;
import java.util.Map;

/**
 * The floor for the middleware benchmark: bare Javalin serving {@code GET /health/live} with the same
 * JSON body as {@code dreamnet serve}, and nothing else. {@code bench/http-overhead.sh} runs wrk
 * against it and against the full server. Argument: the port.
 */
public final class BareJavalin {

    private BareJavalin() {
    }

    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 5081;
        Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.get("/health/live", ctx -> ctx.json(Map.of("status", "UP")));
        }).start("127.0.0.1", port);
        System.out.println("bare Javalin on http://127.0.0.1:" + port + "/health/live");
    }
}
