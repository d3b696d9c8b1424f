package dev.dreamnet.reference.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dreamnet.reference.DreamnetServer;
import dev.dreamnet.reference.support.FlagServer;
import dev.dreamnet.reference.support.Http;
import dev.dreamnet.reference.support.Reply;
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

/**
 * The console's rollouts panel in a real browser: a {@code dream-read-v2} rollout started through the admin API with
 * real traffic on {@code GET /api/dreams/{id}}, shown with its step, both sides and the verdict; its buttons refused
 * without a token; then paused, resumed, promoted and rolled back from the page, each change on the page and in the
 * audit log with the reason typed in the dialog. One browser, one server and one rollout for the class, in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleRolloutsBrowserTest {

    private static final String ADMIN = "console-rollouts-token";
    private static final String NAME = "dream-read-v2";
    private static final String PANEL = "[data-rollout='" + NAME + "'] ";
    /** Never promoted by itself (an hour's bake, no auto-promotion); judged on 20 requests a side. */
    private static final String START = "{\"name\": \"" + NAME + "\", \"steps\": [25, 50, 100], \"bakeTime\": \"1h\", "
            + "\"minRequests\": 20, \"autoPromote\": false, \"maxP99\": \"5s\", \"latencyTolerance\": 5.0, "
            + "\"reason\": \"console test: v2 reads\"}";
    private static final int USERS = 240;
    /** The built-in 2 s database timeout answered a read 503 on a machine at load 13: this test is about the page. */
    private static final String RESILIENCE = """
            defaults:
              timeout: 30s
            services:
              database: {timeout: 30s}
              provider: {}
              queue: {}
            """;

    private DreamnetServer server;
    private Http http;
    private Http admin;
    private Browser browser;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        browser = Browser.start();
        Path flags = Files.copy(FlagServer.SHIPPED_FLAGS, dir.resolve("feature-flags.yaml"));
        Path resilience = Files.writeString(dir.resolve("resilience.yaml"), RESILIENCE);
        server = DreamnetServer.start(Servers.config(dir, FlagServer.SHIPPED_GRAPH).flagsFile(flags)
                .queuesFile(FlagServer.SHIPPED_QUEUES).resilienceFile(resilience)
                .environment(Map.of(AccessControl.ADMIN_TOKENS, ADMIN)).build());
        http = new Http(server.port());
        admin = http.bearer(ADMIN);
        Servers.awaitReady(http);

        Reply started = admin.post("/api/admin/rollouts", START);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        Reply created = http.post("/api/dreams", "{\"title\": \"falling\", \"body\": \"b\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long dream = created.json().get("id").asLong();
        for (int user = 0; user < USERS; user++) {
            Reply read = http.with("X-User-Id", "user-" + user).get("/api/dreams/" + dream);
            assertThat(read.status()).as(read.body()).isEqualTo(200);
        }
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
        browser.driver.get("http://127.0.0.1:" + server.port() + "/console");
        browser.awaitText("#status", "READY");
        browser.await("the rollout", d -> !browser.text(PANEL + "h3").isEmpty());
    }

    @AfterEach
    void noErrorsInTheBrowserLog() {
        assertThat(browser.severe()).as("SEVERE entries in the browser log").isEmpty();
    }

    @Test
    @Order(1)
    void showsTheStepBothSidesAndTheVerdictAsTheApiDoes() throws Exception {
        await("every request counted").atMost(Servers.DEADLINE).until(() -> requests("baseline") + requests("canary"),
                total -> total == USERS);
        long canary = requests("canary");
        // The verdict is at most one evaluation (1 s) behind the window: wait for the one that judged every request.
        browser.await("the verdict PASS on all " + canary + " canary requests", d -> browser.text(PANEL + ".verdict")
                .startsWith("Verdict: PASS (healthy: canary errors 0.00% (0/" + canary + ")"));
        JsonNode rollout = rollout();

        assertThat(status()).isEqualTo("RUNNING");
        assertThat(browser.text(PANEL + ".step")).startsWith("step 1 of 3 (25%, 50%, 100%), at 25% for ")
                .endsWith("bake time 1h");
        assertThat(browser.driver.findElement(By.cssSelector(PANEL + "progress")).getAttribute("value")).isEqualTo("1");
        for (String side : List.of("baseline", "canary")) {
            List<String> cells = cells(side);
            assertThat(cells.get(0)).isEqualTo(side);
            assertThat(cells.get(1)).as(side + " requests").isEqualTo(rollout.path(side).path("requests").asText());
            assertThat(cells.get(2)).as(side + " errors").isEqualTo("0");
            assertThat(cells.get(3)).as(side + " error rate").isEqualTo("0.0%");
            assertThat(cells.get(4)).as(side + " p50").endsWith(" ms");
            assertThat(cells.get(5)).as(side + " p99").endsWith(" ms");
        }
        assertThat(Long.parseLong(cells("canary").get(1))).as("canary requests").isGreaterThanOrEqualTo(20);
        assertThat(actions()).as("a running rollout offers no resume").containsExactly("promote", "pause", "rollback");
        assertThat(browser.text(PANEL + ".verdict")).isEqualTo("Verdict: PASS (" + rollout.path("lastVerdict")
                .path("reason").asText() + ")");
        shoot("rollout");
    }

    @Test
    @Order(2)
    void withoutATokenTheRolloutButtonsAreRefusedWithAClearMessage() {
        browser.click(PANEL + "[data-action='rollout:" + NAME + ":rollback']");

        browser.await("the refusal", d -> browser.text("#notice").startsWith("Refused"));
        assertThat(browser.text("#notice")).contains("roll back").contains("needs an admin token").contains("read-only")
                .contains("Nothing was sent");
        assertThat(rollout().path("status").asText()).isEqualTo("RUNNING");
        assertThat(status()).isEqualTo("RUNNING");
    }

    @Test
    @Order(3)
    void pausingFromThePageShowsPausedAndAuditsTheReason() {
        browser.useToken(ADMIN, "night-shift");

        act("pause", "console test: pause while INC-7 is looked at");

        browser.await("PAUSED on the page", d -> "PAUSED".equals(status()));
        assertThat(browser.text("#last-audit")).contains("night-shift rollout.pause " + NAME)
                .contains("RUNNING 25.0% → PAUSED 25.0%")
                .contains("reason: \"console test: pause while INC-7 is looked at\"");
        assertThat(rollout().path("status").asText()).isEqualTo("PAUSED");
        browser.await("resume offered", d -> actions().equals(List.of("promote", "resume", "rollback")));
        assertThat(audited("rollout.pause", "console test: pause while INC-7 is looked at").path("actor").asText())
                .isEqualTo("night-shift");
    }

    @Test
    @Order(4)
    void resumingAndPromotingFromThePageMovesToTheNextStep() {
        act("resume", "console test: INC-7 was not the rollout");
        browser.await("RUNNING on the page", d -> "RUNNING".equals(status()));
        assertThat(browser.text("#last-audit")).contains("rollout.resume").contains("PAUSED 25.0% → RUNNING 25.0%");

        act("promote", "console test: v2 looks healthy");

        browser.await("step 2 on the page", d -> browser.text(PANEL + ".step").startsWith("step 2 of 3"));
        assertThat(browser.text(PANEL + ".step")).contains("at 50% for ");
        assertThat(status()).isEqualTo("RUNNING");
        assertThat(browser.text(PANEL + ".verdict")).as("no traffic yet at the new step").startsWith("Verdict: HOLD (");
        assertThat(cells("canary").get(1)).as("a new step is judged on its own traffic").isEqualTo("0");
        assertThat(browser.text("#last-audit")).contains("rollout.promote")
                .contains("RUNNING 25.0% → RUNNING 50.0%").contains("reason: \"console test: v2 looks healthy\"");
        assertThat(rollout().path("percent").asDouble()).isEqualTo(50.0);
        audited("rollout.resume", "console test: INC-7 was not the rollout");
        audited("rollout.promote", "console test: v2 looks healthy");
    }

    @Test
    @Order(5)
    void rollingBackFromThePageShowsRolledBackAtZeroWithTheReason() throws Exception {
        act("rollback", "console test: INC-8, p99 up");

        browser.await("ROLLED_BACK on the page", d -> "ROLLED_BACK".equals(status()));
        assertThat(browser.text(PANEL + ".step")).startsWith("rolled back at step 2 of 3 (25%, 50%, 100%): canary at 0% for ");
        assertThat(browser.driver.findElement(By.cssSelector(PANEL + "progress")).getAttribute("value"))
                .as("a rolled-back rollout's progress is empty, its canary is at 0%").isEqualTo("0");
        assertThat(actions()).as("a finished rollout offers no operation the server would refuse").isEmpty();
        assertThat(browser.text(PANEL + "[data-role='finished']")).startsWith("Finished, nothing to operate");
        assertThat(browser.text(PANEL)).contains("Reason: console test: INC-8, p99 up");
        assertThat(browser.text("#last-audit")).contains("rollout.rollback")
                .contains("RUNNING 50.0% → ROLLED_BACK 0.0%").contains("reason: \"console test: INC-8, p99 up\"");
        browser.await("the audit log", d -> browser.text("#audit").contains("console test: INC-8, p99 up"));
        assertThat(rollout().path("status").asText()).isEqualTo("ROLLED_BACK");
        audited("rollout.rollback", "console test: INC-8, p99 up");
        shoot("rollout-rolled-back");
    }

    /** Clicks the rollout's button for {@code action} and gives {@code reason} in the dialog. */
    private void act(String action, String reason) {
        browser.click(PANEL + "[data-action='rollout:" + NAME + ":" + action + "']");
        browser.giveReason(reason);
        browser.await("the audit entry of " + action, d -> browser.text("#last-audit").contains(reason));
    }

    /** A screenshot with the rollouts panel in view. */
    private void shoot(String name) throws Exception {
        browser.driver.executeScript("document.getElementById('rollouts-section').scrollIntoView({block: 'center'})");
        browser.screenshot(name);
    }

    /** The operations the rollout's buttons offer, in page order. */
    private List<String> actions() {
        Object actions = browser.driver.executeScript("return Array.from(document.querySelectorAll(arguments[0]))"
                + ".map(function (b) { return b.getAttribute('data-action'); })", PANEL + "button[data-action]");
        return ((List<?>) actions).stream().map(a -> a.toString().substring(("rollout:" + NAME + ":").length()))
                .toList();
    }

    private String status() {
        return browser.text(PANEL + "h3 [data-role='status']");
    }

    /** The texts of the cells of the {@code side} row of the rollout's table, read in one script. */
    private List<String> cells(String side) {
        Object cells = browser.driver.executeScript("return Array.from(document.querySelectorAll(arguments[0]))"
                + ".map(function (c) { return c.innerText.trim(); })", PANEL + "tr[data-side='" + side + "'] td");
        return ((List<?>) cells).stream().map(Object::toString).toList();
    }

    private long requests(String side) {
        return rollout().path(side).path("requests").asLong();
    }

    private JsonNode rollout() {
        JsonNode all = http.get("/api/observability/rollouts").json().path("rollouts");
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    /** The audit entry with {@code action} and {@code reason}, read from the API. */
    private JsonNode audited(String action, String reason) {
        for (JsonNode entry : http.get("/api/observability/audit?limit=50").json().path("entries")) {
            if (action.equals(entry.path("action").asText()) && reason.equals(entry.path("reason").asText())) {
                assertThat(entry.path("target").asText()).isEqualTo(NAME);
                return entry;
            }
        }
        throw new AssertionError("no audit entry " + action + " with reason \"" + reason + "\"");
    }
}
