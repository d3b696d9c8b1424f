package dev.dreamnet.runtime.console;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operator console's files for one place that serves them: the page, its script and style sheet, and the uPlot
 * chart library (from its WebJar, copied into this jar when it is built, so that no WebJar is on an application's class
 * path for its web framework to serve). The page only calls DreamNet's JSON API; it learns from {@code <meta>} tags where
 * that API lives, which API it is ({@link Api}) and whether the browser's own credentials go with each call, so the
 * same files serve the Javalin plugin's routes and the Spring Boot starter's actuator endpoint. Each asset is linked
 * with its content hash, so a cached copy is never stale. Every answer carries {@link #headers}: a
 * Content-Security-Policy without {@code unsafe-inline}, {@code nosniff} and no framing. The page holds no data; the
 * reads it makes are checked as any other. Immutable and thread-safe (everything is read at construction).
 */
public final class Console {

    /** The policy on every console answer: nothing inline, nothing from elsewhere, never framed. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /** The headers on every console answer, beside its content type and {@code Cache-Control}. */
    private static final Map<String, String> HEADERS = Map.of(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer");

    /** {@code Cache-Control} of the page: never cached, as it names the assets' versions. */
    private static final String PAGE_CACHE = "no-store";

    /** {@code Cache-Control} of an asset: cached for good, as its link carries its content hash. */
    private static final String ASSET_CACHE = "public, max-age=31536000, immutable";

    /** The JSON API the page calls. */
    public enum Api {
        /** The Javalin plugin's routes ({@code /api/observability/...}, {@code /api/admin/...}). */
        PLUGIN,
        /** The Spring Boot starter's {@code dreamnet} actuator endpoint ({@code /actuator/dreamnet/...}). */
        ACTUATOR
    }

    private static final String RESOURCES = "dev/dreamnet/runtime/console/";
    private static final String PAGE = "index.html";
    /** uPlot, copied from its WebJar into this jar by the build (runtime/pom.xml), with its licence. */
    private static final String UPLOT = RESOURCES + "uplot/";

    private final ConsoleAsset page;
    private final Map<String, ConsoleAsset> assets = new LinkedHashMap<>();

    /**
     * @param api                 where the JSON API lives, as the browser reaches it: the plugin's prefix ({@code ""},
     *                            {@code /ops}) or the actuator endpoint's path ({@code /actuator/dreamnet})
     * @param base                where the console lives, as the browser reaches it ({@code /console}); its assets
     *                            are under it
     * @param kind                which API that is
     * @param browserCredentials  whether the browser's cookies go with each call (an application whose own security,
     *                            such as Spring Security's session, authorises the calls); otherwise only the token
     *                            the operator enters does
     */
    public Console(String api, String base, Api kind, boolean browserCredentials) {
        ConsoleAsset script = ConsoleAsset.load("console.js", "text/javascript; charset=utf-8", RESOURCES + "console.js");
        ConsoleAsset style = ConsoleAsset.load("console.css", "text/css; charset=utf-8", RESOURCES + "console.css");
        ConsoleAsset chartScript = ConsoleAsset.load("uplot.js", "text/javascript; charset=utf-8",
                UPLOT + "uPlot.iife.min.js");
        ConsoleAsset chartStyle = ConsoleAsset.load("uplot.css", "text/css; charset=utf-8", UPLOT + "uPlot.min.css");
        for (ConsoleAsset asset : List.of(script, style, chartScript, chartStyle)) {
            assets.put(asset.name(), asset);
        }
        String under = base + "/";
        String html = ConsoleAsset.load(PAGE, "", RESOURCES + PAGE).text()
                .replace("{{api}}", attribute(api))
                .replace("{{kind}}", kind == Api.ACTUATOR ? "actuator" : "plugin")
                .replace("{{credentials}}", browserCredentials ? "same-origin" : "omit")
                .replace("{{uplot.css}}", attribute(under + chartStyle.link()))
                .replace("{{console.css}}", attribute(under + style.link()))
                .replace("{{uplot.js}}", attribute(under + chartScript.link()))
                .replace("{{console.js}}", attribute(under + script.link()));
        this.page = ConsoleAsset.of(PAGE, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    /** The page, served at the console's base. */
    public ConsoleAsset page() {
        return page;
    }

    /** The page's script, style sheet and chart library, each served at {@code base/name}. */
    public List<ConsoleAsset> assets() {
        return List.copyOf(assets.values());
    }

    /** The asset served at {@code base/name}, or null when there is none. */
    public ConsoleAsset asset(String name) {
        return assets.get(name);
    }

    /**
     * The headers of {@code file}'s answer beside its content type: the console's policy headers and
     * {@code Cache-Control} ({@code no-store} for the page, which names the assets' versions; cached for good for an
     * asset, whose link carries its content hash).
     */
    public static Map<String, String> headers(ConsoleAsset file) {
        Map<String, String> headers = new LinkedHashMap<>(HEADERS);
        headers.put("Cache-Control", file.name().equals(PAGE) ? PAGE_CACHE : ASSET_CACHE);
        return headers;
    }

    private static String attribute(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
