package dev.dreamnet.javalin.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.dreamnet.core.startup.ServiceSpec;
import dev.dreamnet.javalin.DreamNetPlugin;
import dev.dreamnet.runtime.DreamNet;
import dev.dreamnet.runtime.console.Console;
import dev.dreamnet.testing.BlockingComponent;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The console as the plugin serves it in an application's own Javalin app: under the prefix, with a strict
 * Content-Security-Policy, its assets versioned and cacheable, open before the service is ready and without the read
 * token (the page holds no data; its reads still need the token), and gone when turned off.
 */
class ConsoleRoutesTest {

    private final HttpClient client = HttpClient.newHttpClient();
    private final BlockingComponent warmup = new BlockingComponent();
    private DreamNet dreamnet;
    private Javalin app;

    @AfterEach
    void stop() {
        warmup.release();
        if (dreamnet != null) {
            dreamnet.shutdown();
        }
        if (app != null) {
            app.stop();
        }
    }

    private void start(Consumer<DreamNetPlugin.Config> settings) throws Exception {
        dreamnet = DreamNet.builder().environment(Map.of("DREAMNET_READ_TOKENS", "reader"))
                .database("jdbc:h2:mem:console_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .services(ServiceSpec.builder("warmup").kind("warmup").build())
                .kind("warmup", spec -> warmup)
                .build();
        app = Javalin.create(config -> config.registerPlugin(new DreamNetPlugin(dreamnet, settings)))
                .start("127.0.0.1", 0);
        dreamnet.start();
    }

    @Test
    void thePageIsServedUnderThePrefixBeforeReadyWithAStrictPolicyAndLinksItsAssetsThere() throws Exception {
        start(plugin -> plugin.prefix = "/ops");

        HttpResponse<String> page = get("/ops/console");

        assertThat(page.statusCode()).as("open while the service is not ready").isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("default-src 'none'", "script-src 'self'", "style-src 'self'",
                "connect-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.body()).contains("<meta name=\"dreamnet-api\" content=\"/ops\">")
                .as("the plugin's routes, called with the entered token only")
                .contains("<meta name=\"dreamnet-api-kind\" content=\"plugin\">",
                        "<meta name=\"dreamnet-credentials\" content=\"omit\">")
                .doesNotContain("{{").doesNotContain("<script>").doesNotContain("style=");
        for (String asset : new String[] {"console.js", "console.css", "uplot.js", "uplot.css"}) {
            Matcher link = Pattern.compile("\"(/ops/console/" + Pattern.quote(asset) + "\\?v=[0-9a-f]{12})\"")
                    .matcher(page.body());
            assertThat(link.find()).as(asset + " linked under the prefix with its version").isTrue();
            HttpResponse<String> served = get(link.group(1));
            assertThat(served.statusCode()).as(asset).isEqualTo(200);
            assertThat(served.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
            assertThat(served.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }
        assertThat(get("/ops/api/observability/summary").statusCode()).as("the data still needs the read token")
                .isEqualTo(401);
    }

    @Test
    void thePathIsConfigurableAndNullTurnsTheConsoleOff() throws Exception {
        start(plugin -> plugin.console = "/ops-console");
        awaitReady();
        assertThat(get("/ops-console").statusCode()).isEqualTo(200);
        assertThat(get("/console").statusCode()).isEqualTo(404);
        stop();

        start(plugin -> plugin.console = null);
        awaitReady();
        assertThat(get("/console").statusCode()).isEqualTo(404);
        assertThat(get("/console/console.js").statusCode()).isEqualTo(404);
    }

    @Test
    void aMalformedPathIsRefusedNamingIt() {
        assertThatThrownBy(() -> start(plugin -> plugin.console = "console/"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DreamNetPlugin console must be null (no console) or a path such as \"/console\"")
                .hasMessageContaining("was \"console/\"");
    }

    @Test
    void theChartLibraryIsInTheRuntimesJarWithItsLicenceAndNoWebJarIsOnTheClassPath() {
        assertThat(new Console("", "/console", Console.Api.PLUGIN, false).asset("uplot.js").text()).contains("uPlot");
        ClassLoader loader = getClass().getClassLoader();
        assertThat(loader.getResource("dev/dreamnet/runtime/console/uplot/LICENSE")).isNotNull();
        assertThat(loader.getResource("META-INF/resources/webjars/uplot"))
                .as("a WebJar on the class path is served at /webjars/ by the application's web framework").isNull();
    }

    private void awaitReady() {
        warmup.release();
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/health/ready").statusCode() == 200);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
