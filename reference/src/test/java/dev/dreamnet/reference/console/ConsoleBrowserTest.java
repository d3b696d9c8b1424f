package dev.dreamnet.reference.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.reference.DreamnetServer;
import dev.dreamnet.reference.support.DagJson;
import dev.dreamnet.reference.support.FlagServer;
import dev.dreamnet.reference.support.Http;
import dev.dreamnet.reference.support.Servers;
import dev.dreamnet.runtime.auth.AccessControl;
import dev.dreamnet.testing.Browser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.logging.LogEntry;

/**
 * The operator console in a real browser against {@code dreamnet serve}'s server on port 0: READY after startup, the
 * provider's breaker OPEN on the page soon after the provider fails, brownout turned on from the page with its audit
 * entry, toggles refused without a token, a hostile flag description shown as text, an override whose flag left the
 * file shown and cleared, and no errors in the browser log. One browser and one server for the class; screenshots go to {@code target/console-*.png}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

    private static final String ADMIN = "console-admin-token";
    private static final String HOSTILE = "Shows <script>window.__xss = 1</script> and "
            + "<img src=x onerror=\"window.__xss = 2\"> as text";
    private static final String RESILIENCE = """
            defaults:
              breaker: {consecutiveFailures: 3, resetTimeout: 60s, permittedCallsInHalfOpen: 1}
              retry:
                maxAttempts: 2
                backoff: {initial: 10ms, max: 10ms, jitter: none}
              timeout: 2s
            services:
              database:
                retry: {maxAttempts: 1}
              provider: {}
              queue: {}
            """;

    private static final String LEAVING = """

              console.leaving:
                enabled: true
                owner: checkout-team
                description: a flag about to leave the file
            """;

    private DreamnetServer server;
    private Http http;
    private Browser browser;
    private Path flagsFile;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        browser = Browser.start();
        Path flags = dir.resolve("feature-flags.yaml");
        flagsFile = flags;
        Files.writeString(flags, Files.readString(FlagServer.SHIPPED_FLAGS) + LEAVING + """

                  console.hostile:
                    enabled: false
                    owner: security-team
                    description: '%s'
                """.formatted(HOSTILE));
        Path resilience = Files.writeString(dir.resolve("resilience.yaml"), RESILIENCE);
        server = DreamnetServer.start(Servers.config(dir, FlagServer.SHIPPED_GRAPH).flagsFile(flags)
                .queuesFile(FlagServer.SHIPPED_QUEUES).resilienceFile(resilience)
                .slosFile(Path.of("..", "config", "slos.yaml"))
                .environment(Map.of(AccessControl.ADMIN_TOKENS, ADMIN)).build());
        http = new Http(server.port());
        Servers.awaitReady(http);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.shutdown();
        }
    }

    @BeforeEach
    void openTheConsole() {
        browser.size(1280, 800);
        browser.driver.get("http://127.0.0.1:" + server.port() + "/console");
        browser.awaitText("#status", "READY");
    }

    @AfterEach
    void noErrorsInTheBrowserLog() {
        List<LogEntry> severe = browser.severe();
        assertThat(severe).as("SEVERE entries in the browser log").isEmpty();
    }

    @Test
    @Order(1)
    void showsReadyTheModeAndTheStartupGraphAfterStartup() throws Exception {
        browser.awaitText("#mode", "mode NORMAL");
        browser.await("the startup graph", d -> !d.findElements(By.cssSelector("#startup svg g.node")).isEmpty());

        Object nodes = browser.driver.executeScript("return Array.from(document.querySelectorAll("
                + "'#startup svg g.node')).map(function (n) { return n.getAttribute('data-node'); })");
        assertThat((List<?>) nodes).map(Object::toString).contains("database", "migrations", "queues", "core", "api");
        assertThat(browser.driver.findElements(By.cssSelector("#startup svg g.node.critical"))).isNotEmpty();
        assertThat(browser.text("[data-breaker='provider'] [data-role='state']")).isEqualTo("CLOSED");
        assertThat(browser.text("#access")).contains("Read-only");
        browser.await("a chart drawn", d -> !d.findElements(By.cssSelector("#chart-traffic canvas")).isEmpty());
        browser.screenshot("1280x800");
    }

    @Test
    @Order(2)
    void showsTheObjectivesAndTheirBudgets() {
        browser.await("the objectives", d -> browser.text("#slos").contains("dream-reads-fast"));
        assertThat(browser.text("#slos")).contains("dream-reads", "OK", "99.900%", "100.0%", "< 250 ms");
    }

    @Test
    @Order(2)
    void withoutATokenTheTogglesAreRefusedWithAClearMessage() {
        click("[data-action='brownout:enable']");

        browser.await("the refusal", d -> browser.text("#notice").startsWith("Refused"));
        assertThat(browser.text("#notice")).contains("needs an admin token").contains("read-only");
        assertThat(http.get("/api/integration-flags").json().path("state").path("mode").asText()).isEqualTo("NORMAL");
        assertThat(browser.text("#mode")).isEqualTo("mode NORMAL");
    }

    @Test
    @Order(3)
    void turningBrownoutOnFromThePageChangesTheModeAndTheAuditEntryNamesTheReason() throws Exception {
        browser.useToken(ADMIN, "night-shift");

        click("[data-action='brownout:enable']");
        browser.giveReason("console test: provider slow at 3 a.m.");

        browser.awaitText("#mode", "mode BROWNOUT");
        browser.await("the audit entry", d -> browser.text("#last-audit").contains("mode.enable"));
        assertThat(browser.text("#last-audit")).contains("reason: \"console test: provider slow at 3 a.m.\"")
                .contains("BROWNOUT").contains("night-shift mode.enable");
        browser.await("the audit log", d -> browser.text("#audit").contains("console test: provider slow at 3 a.m."));
        assertThat(http.get("/api/integration-flags").json().path("state").path("mode").asText()).isEqualTo("BROWNOUT");
        browser.screenshot("brownout");

        click("[data-action='brownout:disable']");
        browser.giveReason("console test over");
        browser.awaitText("#mode", "mode NORMAL");
    }

    @Test
    @Order(4)
    void failingTheProviderTurnsItsBreakerOpenOnThePage() throws Exception {
        Http admin = http.bearer(ADMIN);
        long dream = http.post("/api/dreams", "{\"title\": \"flying\"}").json().get("id").asLong();
        assertThat(admin.post("/api/admin/stub-provider/faults", "{\"failureRate\": 1.0, \"status\": 503}").status())
                .isEqualTo(200);
        http.post("/api/dreams/" + dream + "/interpret", "");
        http.post("/api/dreams/" + dream + "/interpret", "");
        assertThat(providerState()).isEqualTo("OPEN");
        long opened = System.nanoTime();

        browser.awaitText("[data-breaker='provider'] [data-role='state']", "OPEN");

        long shownMs = (System.nanoTime() - opened) / 1_000_000;
        System.out.println("console: the provider breaker showed OPEN on the page " + shownMs + " ms after it opened");
        assertThat(browser.text("#attention")).contains("provider");
        browser.fullPage("full");
        admin.post("/api/admin/stub-provider/faults", "{\"failureRate\": 0}");
        admin.post("/api/admin/breakers/provider/reset", "{\"reason\": \"console test over\"}");
    }

    @Test
    @Order(5)
    void aFlagDescriptionWithMarkupIsShownAsText() {
        browser.await("the flags table", d -> !browser.text("[data-flag='console.hostile'] td.description").isEmpty());

        assertThat(browser.text("[data-flag='console.hostile'] td.description")).isEqualTo(HOSTILE);
        assertThat(browser.driver.findElements(By.cssSelector("#flags img, #flags script"))).isEmpty();
        assertThat(browser.driver.executeScript("return window.__xss === undefined")).isEqualTo(true);
    }

    @Test
    @Order(6)
    void isUsableOnAPhone() throws Exception {
        browser.size(390, 844);
        browser.driver.navigate().refresh();
        browser.awaitText("#status", "READY");
        browser.await("the breakers", d -> !browser.text("[data-breaker='provider'] [data-role='state']").isEmpty());

        Object overflow = browser.driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue()).as("the page scrolls sideways by").isLessThanOrEqualTo(0);
        assertThat(browser.driver.findElement(By.id("token-input")).isDisplayed()).isTrue();
        browser.screenshot("390x844");
    }

    @Test
    @Order(7)
    void anOverrideWhoseFlagLeftTheFileIsShownAndCanBeCleared() throws Exception {
        Http admin = http.bearer(ADMIN);
        assertThat(admin.post("/api/integration-flags/flags/console.leaving/override",
                "{\"enabled\": false, \"reason\": \"console test\"}").status()).isEqualTo(200);
        Files.writeString(flagsFile, Files.readString(flagsFile).replace(LEAVING, ""));
        browser.await("the flag gone from the file", d -> !http.get("/api/integration-flags").body()
                .contains("\"name\":\"console.leaving\""));
        browser.driver.navigate().refresh();
        browser.awaitText("#status", "READY");

        String row = "[data-flag='console.leaving'][data-orphan='true']";
        browser.await("the orphan override", d -> browser.text(row).contains("not in the flags file"));
        assertThat(browser.text(row)).contains("forced off");
        browser.useToken(ADMIN, "night-shift");
        click(row + " [data-action='flag:console.leaving:clear']");
        browser.giveReason("console test: the flag was retired");

        browser.await("the row gone", d -> d.findElements(By.cssSelector(row)).isEmpty());
        assertThat(http.get("/api/integration-flags").json().path("state").path("overrides").has("console.leaving"))
                .isFalse();
        browser.await("the audit entry", d -> browser.text("#last-audit").contains("flag.clear-override"));
    }

    private void click(String css) {
        browser.click(css);
    }

    private String providerState() {
        return DagJson.entry(http.get("/api/observability/circuit-breakers").json(), "breakers", "provider")
                .get("state").asText();
    }
}
