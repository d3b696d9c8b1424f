package dev.dreamnet.reference.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.reference.support.FlagServer;
import dev.dreamnet.testing.Browser;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * With read tokens configured the console shows nothing until a token is entered, says why, and a read token lets the
 * operator look but not act: the server's refusal is shown as it is.
 */
class ConsoleReadTokenBrowserTest {

    @TempDir
    Path dir;

    private FlagServer service;
    private Browser browser;

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (service != null) {
            service.close();
        }
    }

    @Test
    void theConsoleNeedsATokenToReadAndAReadTokenMayNotAct() throws Exception {
        browser = Browser.start();
        service = FlagServer.start(dir);

        browser.driver.get("http://127.0.0.1:" + service.server.port() + "/console");

        browser.awaitText("#status", "NO ACCESS");
        assertThat(browser.text("#access")).contains("needs a read or admin token").contains("401");
        assertThat(browser.text("#breakers")).contains("Cannot read").contains("401");

        browser.driver.findElement(By.id("token-input")).sendKeys(FlagServer.READ_TOKEN);
        browser.driver.findElement(By.id("token-use")).click();
        browser.awaitText("#status", "READY");
        browser.await("the breakers", d -> !browser.text("[data-breaker='provider'] [data-role='state']").isEmpty());

        browser.click("[data-action='brownout:enable']");
        browser.giveReason("a reader tries");

        browser.await("the refusal", d -> browser.text("#notice").startsWith("Refused"));
        assertThat(browser.text("#notice")).contains("403").contains("may read but not change anything");
        assertThat(service.flags().path("state").path("mode").asText()).isEqualTo("NORMAL");
        assertThat(browser.severe()).as("only the refused reads and the refused action in the browser log")
                .allSatisfy(entry -> assertThat(entry.getMessage()).containsAnyOf("status of 401", "status of 403"));
    }
}
