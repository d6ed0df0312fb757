package org.chinwag.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium, for the browser tests: only the local
 * chromedriver is used, so nothing is ever downloaded. Register it as a field and it starts a fresh
 * browser (its own profile) before each test and quits it after; a test without the browser
 * installed is skipped, except under .ci/run (CHINWAG_REQUIRE_BROWSER), where it fails:
 *
 * <pre>{@code
 * @RegisterExtension final Chromium chromium = new Chromium(390, 844);   // window width, height
 * }</pre>
 *
 * Also axe-core (from npm, see src/test/browser) run in the page, and screenshots under target/screenshots.
 */
public final class Chromium implements BeforeEachCallback, AfterEachCallback {

    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final Path AXE = Path.of("src/test/browser/node_modules/axe-core/axe.min.js");
    /** Generous: a slow CI machine must not make a test flaky. Nothing asserts how long things take. */
    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private final int width;
    private final int height;
    private Path profile;
    private ChromeDriver browser;
    private WebDriverWait wait;

    public Chromium(int width, int height) {
        this.width = width;
        this.height = height;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        assumeInstalled();
        profile = Files.createTempDirectory("chinwag-chromium-");
        browser = start(profile, width, height);
        wait = new WebDriverWait(browser, PATIENCE);
        wait.pollingEvery(Duration.ofMillis(100));
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (browser != null) browser.quit();
        browser = null;
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(file);
            } catch (IOException e) {
                // under the system's temporary folder: left for the system to clear
            }
        }
    }

    /** This test's browser. */
    public ChromeDriver browser() {
        return browser;
    }

    /** Waits on this test's browser, patiently. */
    public WebDriverWait await() {
        return wait;
    }

    /**
     * Skips the test when the browser is not installed, except under .ci/run (which installs it
     * and sets CHINWAG_REQUIRE_BROWSER), where a missing browser fails rather than quietly skipping.
     */
    private static void assumeInstalled() {
        String missing = "/usr/bin/chromedriver is not installed (apt-get install chromium chromium-driver)";
        if (System.getenv("CHINWAG_REQUIRE_BROWSER") != null) assertTrue(CHROMEDRIVER.canExecute(), missing);
        Assumptions.assumeTrue(CHROMEDRIVER.canExecute(), "Skipping the browser test: " + missing);
    }

    /** A fresh headless browser with its profile in {@code profile}, on a window of this size. */
    private static ChromeDriver start(Path profile, int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
        ChromeDriverService driverService = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
        return new ChromeDriver(driverService, options);
    }

    /** Runs axe-core in the page; serious and critical findings fail, naming {@code when}. */
    public static void assertNoSeriousAxeViolations(ChromeDriver browser, String when) throws IOException {
        if (System.getenv("CHINWAG_REQUIRE_BROWSER") != null) assertTrue(Files.exists(AXE), "run: npm ci --prefix src/test/browser");
        Assumptions.assumeTrue(Files.exists(AXE), "axe-core not installed: npm ci --prefix src/test/browser");
        ((JavascriptExecutor) browser).executeScript(Files.readString(AXE));
        Object found = browser.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + " axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                + " done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })"
                + ".map(function (v) { return v.id + ' (' + v.impact + '): ' + v.nodes.map(function (n) { return n.target.join(' '); }).join(', '); })); },"
                + " function (e) { done(['axe failed: ' + e]); });");
        assertEquals(List.of(), found, when);
    }

    /** Saves what the browser shows as target/screenshots/{@code name}. */
    public static void screenshot(ChromeDriver browser, String name) throws IOException {
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
