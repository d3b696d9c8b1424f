package dev.dreamnet.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless {@code chromium} driven through its {@code chromium-driver}, for the console's browser tests.
 * Skipped when they are not installed, unless {@code DREAMNET_REQUIRE_CHROMIUM=1} (set by CI after installing them).
 * Not thread-safe: one test class drives it. Modules that use it add {@code selenium-chrome-driver} and
 * {@code selenium-support} to their tests, as this module declares them optional.
 */
public final class Browser implements AutoCloseable {

    /** Generous: a loaded 2-core machine runs other builds beside the tests. */
    public static final Duration WAIT = Duration.ofSeconds(20);

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File DRIVER = new File("/usr/bin/chromedriver");

    public final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    public static Browser start() {
        boolean installed = CHROMIUM.canExecute() && DRIVER.canExecute();
        boolean required = "1".equals(System.getenv("DREAMNET_REQUIRE_CHROMIUM"));
        assertThat(installed || !required).as("chromium and chromium-driver are required here but not installed")
                .isTrue();
        Assumptions.assumeTrue(installed, "chromium and chromium-driver (Debian packages) are not installed");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,800", "--no-first-run", "--disable-extensions");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER)
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
        return new Browser(driver);
    }

    public void size(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    public <T> T await(String what, ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, WAIT, Duration.ofMillis(100)).withMessage(what).until(condition);
    }

    /**
     * The rendered text of the first element at {@code css} ({@code ""} if there is none), read in one script: the
     * page re-renders every 2 s, so an element found in one call may be gone by the next.
     */
    public String text(String css) {
        Object text = driver.executeScript("var e = document.querySelector(arguments[0]); return e ? e.innerText : ''",
                css);
        return text == null ? "" : text.toString().trim();
    }

    /** Clicks the element at {@code css}, finding it again if a re-render replaced it meanwhile. */
    public void click(String css) {
        await("click " + css, d -> {
            try {
                List<WebElement> found = d.findElements(By.cssSelector(css));
                if (found.isEmpty()) {
                    return false;
                }
                driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", found.get(0));
                found.get(0).click();
                return true;
            } catch (StaleElementReferenceException replaced) {
                return false;
            }
        });
    }

    /** Waits until the element at {@code css} shows {@code expected} (its whole text). */
    public void awaitText(String css, String expected) {
        await(css + " shows \"" + expected + "\" (it shows \"" + text(css) + "\")",
                d -> expected.equals(text(css)));
    }

    /**
     * Enters {@code token} and the operator's name {@code actor} in the console's token form, and waits until the page
     * has taken them.
     */
    public void useToken(String token, String actor) {
        driver.findElement(By.id("token-input")).sendKeys(token);
        driver.findElement(By.id("actor-input")).sendKeys(actor);
        driver.findElement(By.id("token-use")).click();
        await("the token taken", d -> text("#access").contains("Token set"));
    }

    /** Gives {@code reason} in the console's reason dialog, once an action has opened it, and confirms. */
    public void giveReason(String reason) {
        await("the reason dialog", d -> d.findElement(By.id("reason-dialog")).isDisplayed());
        driver.findElement(By.id("reason-input")).sendKeys(reason);
        driver.findElement(By.id("reason-ok")).click();
    }

    /** Browser log entries at SEVERE since the last call. */
    public List<LogEntry> severe() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
    }

    /** Saves a screenshot as {@code target/console-name.png} and returns it. */
    public Path screenshot(String name) throws IOException {
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", "console-" + name + ".png");
        Files.createDirectories(target.getParent());
        return Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Saves the whole page, not only the window, as {@code target/console-name.png}; the window size is kept. */
    public Path fullPage(String name) throws IOException {
        Dimension window = driver.manage().window().getSize();
        Number height = (Number) driver.executeScript("return document.documentElement.scrollHeight");
        Number viewport = (Number) driver.executeScript("return window.innerHeight");
        size(window.getWidth(), window.getHeight() - viewport.intValue() + height.intValue());
        try {
            return screenshot(name);
        } finally {
            size(window.getWidth(), window.getHeight());
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
