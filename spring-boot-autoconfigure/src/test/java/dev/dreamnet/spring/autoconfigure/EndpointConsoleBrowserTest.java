package dev.dreamnet.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dreamnet.core.flags.Mode;
import dev.dreamnet.runtime.DreamNet;
import dev.dreamnet.runtime.audit.AuditEntry;
import dev.dreamnet.spring.autoconfigure.app.TestApp;
import dev.dreamnet.testing.Browser;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The operator console in a Spring MVC application, in Debian's headless Chromium: an operator who enters the admin
 * token turns brownout on, forces a flag off and clears the override (a {@code DELETE} with its reason) from the page,
 * each change reaching the runtime and its audit entry naming the operator and the reason. Runs in surefire's
 * {@code with-browser} execution, the one with Selenium on its class path.
 */
@ConsoleTestApplication
class EndpointConsoleBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    DreamNet dreamnet;
    @Autowired
    TestApp.PaymentsCheck payments;

    @Test
    void anOperatorTurnsBrownoutOnAndForcesAFlagOffFromThePage() throws Exception {
        payments.open();
        await().atMost(Duration.ofSeconds(10)).until(() -> dreamnet.state().readiness().ready());
        try (Browser browser = Browser.start()) {
            browser.size(1280, 800);
            browser.driver.get("http://127.0.0.1:" + port + "/shop/actuator/dreamnet/console");
            browser.awaitText("#status", "NO ACCESS");
            browser.useToken("admin-secret", "night-shift");
            browser.awaitText("#status", "READY");
            assertThat(browser.severe()).as("the reads refused before the token was entered, and nothing else")
                    .allSatisfy(entry -> assertThat(entry.getMessage()).contains("401"));
            browser.awaitText("#mode", "mode NORMAL");
            browser.await("the provider's breaker", d -> browser.text("[data-breaker='provider']").contains("CLOSED"));
            assertThat(browser.text("#gates")).contains("payments");
            assertThat(browser.text("#watchdogs")).doesNotContain("Cannot");
            assertThat(browser.driver.findElement(By.id("queues-section")).isDisplayed())
                    .as("the actuator endpoint has no queues to show").isFalse();

            browser.click("[data-action='brownout:enable']");
            browser.giveReason("console: provider slow");

            browser.awaitText("#mode", "mode BROWNOUT");
            assertThat(dreamnet.flags().snapshot().state().mode()).isEqualTo(Mode.BROWNOUT);
            browser.await("the audit entry", d -> browser.text("#last-audit").contains("console: provider slow"));
            assertThat(browser.text("#last-audit")).contains("night-shift mode.enable");

            browser.click("[data-action='flag:recommendations:off']");
            browser.giveReason("console: recommendations off");
            browser.awaitText("[data-flag='recommendations'] [data-role='effective']", "off");
            assertThat(dreamnet.flags().snapshot().state().overrides()).containsEntry("recommendations", false);

            browser.click("[data-action='flag:recommendations:clear']");
            browser.giveReason("console: recommendations back");
            browser.await("the override cleared", d -> !dreamnet.flags().snapshot().state().overrides()
                    .containsKey("recommendations"));
            browser.await("the audit entry", d -> browser.text("#last-audit").contains("console: recommendations back"));
            assertThat(dreamnet.audit().recent(5)).extracting(AuditEntry::reason)
                    .contains("console: provider slow", "console: recommendations off", "console: recommendations back");

            browser.click("[data-action='brownout:disable']");
            browser.giveReason("console test over");
            browser.awaitText("#mode", "mode NORMAL");
            assertThat(browser.severe()).as("SEVERE entries in the browser log").isEmpty();
        }
    }
}
