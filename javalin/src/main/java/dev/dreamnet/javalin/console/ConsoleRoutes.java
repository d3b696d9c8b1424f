package dev.dreamnet.javalin.console;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

/**
 * The operator console: one HTML page, its script and style sheet, and the uPlot chart library from its WebJar, all
 * served from the jar under {@code path} (such as {@code /console}, itself under the plugin's prefix). The page only
 * calls DreamNet's JSON API; it learns where that lives from a {@code <meta>} tag, so it works under any prefix.
 * Every answer carries a Content-Security-Policy without {@code unsafe-inline}, {@code nosniff} and no framing.
 * The page itself is open: it holds no data, and every read it makes goes through the read-token check. Thread-safe
 * (everything is read once, at construction).
 */
public final class ConsoleRoutes {

    /** The policy on every console answer: nothing inline, nothing from elsewhere, never framed. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static final String RESOURCES = "dev/dreamnet/javalin/console/";
    private static final String UPLOT_POM = "META-INF/maven/org.webjars.npm/uplot/pom.properties";

    private final String path;
    private final ConsoleAsset page;
    private final List<ConsoleAsset> assets;

    /**
     * @param prefix the plugin's prefix ({@code ""} or such as {@code /ops}): where the JSON API lives
     * @param path   where the console lives under the prefix, such as {@code /console}
     */
    public ConsoleRoutes(String prefix, String path) {
        this.path = path;
        String uplot = "META-INF/resources/webjars/uplot/" + uplotVersion() + "/dist/";
        ConsoleAsset script = ConsoleAsset.load("console.js", "text/javascript; charset=utf-8", RESOURCES + "console.js");
        ConsoleAsset style = ConsoleAsset.load("console.css", "text/css; charset=utf-8", RESOURCES + "console.css");
        ConsoleAsset chartScript = ConsoleAsset.load("uplot.js", "text/javascript; charset=utf-8",
                uplot + "uPlot.iife.min.js");
        ConsoleAsset chartStyle = ConsoleAsset.load("uplot.css", "text/css; charset=utf-8", uplot + "uPlot.min.css");
        this.assets = List.of(script, style, chartScript, chartStyle);
        String base = prefix + path + "/";
        String html = ConsoleAsset.load("index.html", "", RESOURCES + "index.html").text()
                .replace("{{api}}", attribute(prefix))
                .replace("{{uplot.css}}", attribute(base + chartStyle.link()))
                .replace("{{console.css}}", attribute(base + style.link()))
                .replace("{{uplot.js}}", attribute(base + chartScript.link()))
                .replace("{{console.js}}", attribute(base + script.link()));
        this.page = ConsoleAsset.of("index.html", "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.get(path, ctx -> send(ctx, page, "no-store"));
        for (ConsoleAsset asset : assets) {
            // The page links each asset with its content hash, so a cached copy is never stale.
            routes.get(path + "/" + asset.name(), ctx -> send(ctx, asset, "public, max-age=31536000, immutable"));
        }
    }

    /** The version of the uPlot WebJar on the classpath, read from its Maven metadata. */
    static String uplotVersion() {
        try (InputStream in = ConsoleRoutes.class.getClassLoader().getResourceAsStream(UPLOT_POM)) {
            if (in == null) {
                throw new IllegalStateException("the operator console needs org.webjars.npm:uplot on the classpath ("
                        + UPLOT_POM + " is missing)");
            }
            Properties pom = new Properties();
            pom.load(in);
            return pom.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + UPLOT_POM, e);
        }
    }

    private static void send(Context ctx, ConsoleAsset asset, String cacheControl) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", cacheControl);
        ctx.contentType(asset.contentType());
        ctx.result(asset.bytes());
    }

    private static String attribute(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
