package dev.dreamnet.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.core.flags.Mode;
import dev.dreamnet.runtime.DreamNet;
import dev.dreamnet.spring.autoconfigure.secured.SessionSecuredApp;
import dev.dreamnet.testing.Browser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console behind Spring Security, in Debian's headless Chromium: an operator who is not signed in is sent to the
 * application's login form, signs in, and turns brownout on and off from the page with no DreamNet token: the
 * page's calls carry the session and send the CSRF cookie back as a header, the application's chain decides, and the
 * audit entry names the signed-in user.
 */
@SpringBootTest(classes = SessionSecuredApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "dreamnet.database=jdbc:h2:mem:session_secured_${random.uuid};DB_CLOSE_DELAY=-1",
                "management.endpoints.web.exposure.include=health,dreamnet"})
@DisabledIfSystemProperty(named = "dreamnet.test.spring-security", matches = "absent",
        disabledReason = "needs Spring Security on the class path: runs in surefire's with-spring-security execution")
class SpringSecurityConsoleBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    DreamNet dreamnet;

    @Test
    void aSignedInOperatorTurnsBrownoutOnAndOffWithTheSessionAndTheCsrfToken() throws Exception {
        try (Browser browser = Browser.start()) {
            browser.driver.get("http://127.0.0.1:" + port + "/actuator/dreamnet/console");
            browser.await("the login form", d -> !d.findElements(By.name("username")).isEmpty());
            browser.driver.findElement(By.name("username")).sendKeys("ops");
            browser.driver.findElement(By.name("password")).sendKeys("ops-pass");
            browser.driver.findElement(By.cssSelector("button[type='submit']")).click();

            browser.awaitText("#status", "READY");
            assertThat(browser.text("#access")).contains("your session");

            browser.click("[data-action='brownout:enable']");
            browser.giveReason("signed-in operator");

            browser.awaitText("#mode", "mode BROWNOUT");
            assertThat(dreamnet.flags().snapshot().state().mode()).isEqualTo(Mode.BROWNOUT);
            browser.await("the audit entry", d -> browser.text("#last-audit").contains("signed-in operator"));
            assertThat(browser.text("#last-audit")).contains("ops mode.enable");

            browser.click("[data-action='brownout:disable']");
            browser.giveReason("done");
            browser.awaitText("#mode", "mode NORMAL");
            assertThat(browser.severe()).as("SEVERE entries in the browser log").isEmpty();
        }
    }
}
