package dev.dreamnet.bench.http;

import dev.dreamnet.javalin.DreamNetPlugin;
import dev.dreamnet.javalin.http.HttpApp;
import dev.dreamnet.javalin.http.HttpLimits;
import dev.dreamnet.runtime.DreamNet;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The same Javalin application with and without {@link DreamNetPlugin}: one trivial route, {@code GET /hello},
 * answering a short text, on Javalin's and Jetty's defaults otherwise. {@code bench/plugin-overhead.sh} runs wrk
 * against both. Arguments: {@code bare|plugin|jetty} and the port. In {@code plugin} mode the DreamNet runtime has no
 * graph (one service, ready at once) and an in-memory database; the app listens only once it has started.
 * {@code jetty} is the bare app on the plugin's Jetty settings only (its worker pool, minimum data rate and graceful
 * handler, no DreamNet handlers): it splits the plugin's cost between Jetty and the per-request handlers.
 */
public final class PluginOverheadApp {

    static final String PATH = "/hello";
    private static final String BODY = "hello";

    private PluginOverheadApp() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length == 2 ? args[0] : "";
        Consumer<JavalinConfig> app = switch (mode) {
            case "bare" -> PluginOverheadApp::hello;
            case "jetty" -> PluginOverheadApp::withPluginsJetty;
            case "plugin" -> withPlugin(startDreamNet());
            default -> {
                System.err.println("usage: PluginOverheadApp bare|plugin|jetty PORT");
                System.exit(2);
                yield null;
            }
        };
        int port = Integer.parseInt(args[1]);
        Javalin.create(app).start("127.0.0.1", port);
        System.out.println(mode + " Javalin on http://127.0.0.1:" + port + PATH);
    }

    private static DreamNet startDreamNet() throws Exception {
        DreamNet dreamnet = DreamNet.builder().database("jdbc:h2:mem:bench").environment(Map.of()).build().start();
        dreamnet.started().get();
        return dreamnet;
    }

    private static Consumer<JavalinConfig> withPlugin(DreamNet dreamnet) {
        return config -> {
            config.registerPlugin(new DreamNetPlugin(dreamnet));
            hello(config);
        };
    }

    private static void withPluginsJetty(JavalinConfig config) {
        HttpApp.jetty(config.jetty, HttpLimits.builder().build());
        hello(config);
    }

    private static void hello(JavalinConfig config) {
        config.startup.showJavalinBanner = false;
        config.routes.get(PATH, ctx -> ctx.result(BODY));
    }
}
