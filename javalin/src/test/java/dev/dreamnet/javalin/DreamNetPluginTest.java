package dev.dreamnet.javalin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dreamnet.core.startup.ServiceSpec;
import dev.dreamnet.runtime.DreamNet;
import dev.dreamnet.testing.BlockingComponent;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin in an application's own Javalin app on port 0: DreamNet's routes under a prefix, the application's
 * routes gated until ready, a route bound to a flag refused in brownout, admin writes only with the token.
 */
class DreamNetPluginTest {

    private static final String TOKEN = "plugin-test-admin-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
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

    private void start() throws Exception {
        Path flags = dir.resolve("flags.yaml");
        Files.writeString(flags, """
                flags:
                  recommendations:
                    enabled: true
                    owner: shop
                    description: Recommendations under each product
                    degradation: brownout
                """);
        dreamnet = DreamNet.builder().environment(Map.of("DREAMNET_ADMIN_TOKENS", TOKEN)).flags(flags)
                .database("jdbc:h2:mem:plugin_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .services(ServiceSpec.builder("warmup").kind("warmup").build())
                .kind("warmup", spec -> warmup)
                .build();
        app = Javalin.create(config -> {
            config.registerPlugin(new DreamNetPlugin(dreamnet, plugin -> {
                plugin.prefix = "/ops";
                plugin.flag("GET /api/recommendations", "recommendations");
                plugin.notWrites.add("POST /api/search");
            }));
            config.routes.get("/api/products", ctx -> ctx.result("[]"));
            config.routes.get("/api/recommendations", ctx -> ctx.result("[\"tea\"]"));
            config.routes.post("/api/products", ctx -> ctx.status(201).result("{}"));
            config.routes.post("/api/search", ctx -> ctx.result("[]"));
            config.routes.post("/api/admin/reindex", ctx -> ctx.result("{}"));
        }).start("127.0.0.1", 0);
        dreamnet.start();
    }

    @Test
    void probesLiveUnderThePrefixAndTheApplicationIsGatedUntilReady() throws Exception {
        start();

        assertThat(get("/ops/health/live").statusCode()).isEqualTo(200);
        HttpResponse<String> gated = get("/api/products");
        assertThat(gated.statusCode()).isEqualTo(503);
        assertThat(gated.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(gated.body()).contains("\"error\":\"not ready\"");

        warmup.release();
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/ops/health/ready").statusCode() == 200);
        assertThat(get("/api/products").body()).isEqualTo("[]");
        assertThat(get("/health/live").statusCode()).as("nothing at the unprefixed path").isEqualTo(404);
        assertThat(get("/ops/metrics").body()).contains("dreamnet_http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\",route=\"/api/products\"}");
    }

    @Test
    void brownoutRefusesTheRouteBoundToItsFlagAndOnlyWithTheAdminToken() throws Exception {
        start();
        warmup.release();
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/ops/health/ready").statusCode() == 200);
        assertThat(get("/api/recommendations").statusCode()).isEqualTo(200);

        String reason = "{\"reason\":\"plugin test\"}";
        assertThat(post("/ops/api/integration-flags/brownout/enable", reason, null).statusCode()).isEqualTo(401);
        assertThat(post("/ops/api/integration-flags/brownout/enable", reason, TOKEN).statusCode()).isEqualTo(200);

        HttpResponse<String> refused = get("/api/recommendations");
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.body()).contains("flag recommendations is off");
        assertThat(get("/api/products").statusCode()).as("unbound routes still answer").isEqualTo(200);
        assertThat(get("/ops/api/observability/audit").body()).contains("plugin test");
    }

    @Test
    void aReasonThatWouldForgeALogLineOrReachATerminalIsRefusedNamed() throws Exception {
        start();
        warmup.release();
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/ops/health/ready").statusCode() == 200);

        for (String reason : List.of("INC-4\\nforged line", "nul\\u0000here", "\\u001b[2Jcleared")) {
            HttpResponse<String> refused = post("/ops/api/integration-flags/brownout/enable",
                    "{\"reason\":\"" + reason + "\"}", TOKEN);
            assertThat(refused.statusCode()).as(reason).isEqualTo(400);
            assertThat(refused.body()).as(reason).contains("reason must be one line of plain text, without control");
        }
        HttpResponse<String> misspelt = post("/ops/api/integration-flags/brownout/enable", "{\"Reason\":\"INC-4\"}", TOKEN);
        assertThat(misspelt.statusCode()).isEqualTo(400);
        assertThat(misspelt.body()).contains("unknown field \\\"Reason\\\" (known: reason)");
        assertThat(get("/api/recommendations").statusCode()).as("nothing changed").isEqualTo(200);
    }

    @Test
    void writeDrainRefusesTheApplicationsWritesAndNothingElse() throws Exception {
        start();
        warmup.release();
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/ops/health/ready").statusCode() == 200);

        String reason = "{\"reason\":\"plugin test\"}";
        assertThat(post("/ops/api/integration-flags/write-drain/enable", reason, TOKEN).statusCode()).isEqualTo(200);

        HttpResponse<String> refused = post("/api/products", "{}", null);
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.body()).contains("\"error\":\"write drain\"");
        assertThat(get("/api/products").statusCode()).as("reads go on").isEqualTo(200);
        assertThat(post("/api/search", "{}", null).statusCode()).as("a POST that changes nothing").isEqualTo(200);
        assertThat(post("/api/admin/reindex", "{}", null).statusCode()).as("the application's operator routes")
                .isEqualTo(200);
        assertThat(post("/ops/api/integration-flags/write-drain/disable", reason, TOKEN).statusCode()).isEqualTo(200);
        assertThat(post("/api/products", "{}", null).statusCode()).isEqualTo(201);
    }

    @Test
    void clearingAnOverrideThatIsNotSetIs404NamingTheFlagAndLeavesNoAuditEntry() throws Exception {
        // The bug: it answered 200 and wrote a misleading "flag.clear-override" to the audit log.
        start();
        warmup.release();
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/ops/health/ready").statusCode() == 200);
        String flag = "/ops/api/integration-flags/flags/recommendations/";
        assertThat(post(flag + "override", "{\"enabled\":false,\"reason\":\"INC-9\"}", TOKEN).statusCode())
                .isEqualTo(200);

        HttpResponse<String> cleared = post(flag + "clear-override", "{\"reason\":\"INC-9 over\"}", TOKEN);
        HttpResponse<String> again = post(flag + "clear-override", "{\"reason\":\"INC-9 over\"}", TOKEN);

        assertThat(cleared.statusCode()).as(cleared.body()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(again.body()).get("error").asText()).isEqualTo("not found");
        assertThat(JSON.readTree(again.body()).get("detail").asText())
                .isEqualTo("no override is set for flag \"recommendations\"");
        List<String> actions = new ArrayList<>();
        JSON.readTree(get("/ops/api/observability/audit").body()).get("entries")
                .forEach(entry -> actions.add(entry.get("action").asText()));
        assertThat(actions).containsExactly("flag.clear-override", "flag.override");
        assertThat(get("/api/recommendations").statusCode()).as("the flag's own value again").isEqualTo(200);
    }

    @Test
    void aMalformedPrefixIsRefusedNamingIt() throws Exception {
        dreamnet = DreamNet.builder().environment(Map.of())
                .database("jdbc:h2:mem:plugin_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1").build();

        for (String prefix : new String[] {"ops", "/ops/", "/"}) {
            assertThatThrownBy(() -> Javalin.create(config ->
                    config.registerPlugin(new DreamNetPlugin(dreamnet, plugin -> plugin.prefix = prefix))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("DreamNetPlugin prefix must be \"\" or a path such as \"/ops\" (starting with / "
                            + "and not ending with /), was \"" + prefix + "\"");
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
