package org.chinwag.channel.web;

import static org.chinwag.channel.web.WebChatClient.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chinwag.testing.RunningService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web chat in a real browser: Debian's headless Chromium driven by Selenium, against the whole
 * running service. Only the local chromedriver is used, so nothing is ever downloaded.
 */
class WebChatBrowserTest {

    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final String CHROMIUM = "/usr/bin/chromium";
    /** Generous: a slow CI machine must not make this flaky. Nothing here asserts how long things take. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir Path dir;
    @TempDir Path profile;
    RunningService service;
    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void start() {
        // .ci/run installs the browser and sets CHINWAG_REQUIRE_BROWSER: there a missing browser fails
        // the build rather than quietly skipping the test
        String missing = "/usr/bin/chromedriver is not installed (apt-get install chromium chromium-driver)";
        if (System.getenv("CHINWAG_REQUIRE_BROWSER") != null) {
            org.junit.jupiter.api.Assertions.assertTrue(CHROMEDRIVER.canExecute(), missing);
        }
        Assumptions.assumeTrue(CHROMEDRIVER.canExecute(), "Skipping the browser test: " + missing);
        service = RunningService.start(dir, Map.of());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile, "--window-size=390,844");
        ChromeDriverService driverService = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
        browser = new ChromeDriver(driverService, options);
        wait = new WebDriverWait(browser, PATIENCE);
        wait.pollingEvery(Duration.ofMillis(100));
    }

    @AfterEach
    void stop() {
        if (browser != null) browser.quit();
        if (service != null) service.close();
    }

    @Test
    void aResidentHasTheWholeConversationInThePageAndTheirAnswersAreStoredWithTheEventCode() throws Exception {
        actLikeAPhone();
        browser.get(service.url("/chat?code=TEST-EVENT"));

        choose("yes"); // consent, by clicking the button
        type("Walking in Roundhay Park with my neighbours");
        type("The bus into town stops too early in the evening");
        wait.until(d -> lastBotText().contains("getting around")); // the bot reflects back what it heard
        choose("yes"); // "Yes, that's right"
        type("I can't get to the evening classes at the library");
        type("More buses after 7pm please");
        screenshot("web-chat-phone.png");
        choose("skip"); // about you
        choose("yes"); // keep me updated
        wait.until(d -> lastBotText().contains("Thank you"));

        assertTrue(youTexts().contains("Yes, I'm happy to chat"), "a pressed button shows as the resident's message");
        assertFalse(youTexts().stream().anyMatch(t -> t.startsWith("/start")), "the page's own /start is not shown");

        String token = service.createToken("browser-test");
        JsonNode replies = read(service.get("/api/replies?event=TEST-EVENT", token)).get("replies");
        List<String> answers = new ArrayList<>();
        replies.forEach(reply -> {
            assertEquals("TEST-EVENT", reply.get("event").asText());
            answers.add(reply.get("text").asText());
        });
        assertTrue(answers.containsAll(List.of("Walking in Roundhay Park with my neighbours",
                "The bus into town stops too early in the evening", "I can't get to the evening classes at the library",
                "More buses after 7pm please")), answers.toString());
    }

    @Test
    void aReloadMidConversationKeepsTheTranscriptAndCarriesOn() {
        browser.get(service.url("/chat?code=RELOAD-EVENT"));
        choose("yes");
        type("Swimming at the leisure centre");
        String session = session();
        String question = lastBotText();

        browser.navigate().refresh();

        wait.until(d -> youTexts().contains("Swimming at the leisure centre") && lastBotText().equals(question));
        assertEquals(session, session(), "the same session after a reload");
        type("It closes early on Sundays");
        assertNotEquals(question, lastBotText(), "the conversation moved on after the reload");
        assertEquals(List.of("Yes, I'm happy to chat", "Swimming at the leisure centre", "It closes early on Sundays"), youTexts());
    }

    @Test
    void keyboardOnlyTabReachesTheMessageBoxAndTheBotsButtons() {
        browser.get(service.url("/chat"));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".choices button")));

        List<String> reached = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
            reached.add(describe(browser.switchTo().activeElement()));
        }
        assertTrue(reached.contains("textarea#message"), reached.toString());
        assertTrue(reached.stream().anyMatch(r -> r.startsWith("button.choice")), reached.toString());

        // and a button can be pressed from the keyboard
        WebElement first = browser.findElement(By.cssSelector(".choices button"));
        String label = first.getText();
        for (int i = 0; i < 20 && !first.equals(browser.switchTo().activeElement()); i++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
        }
        assertEquals(first, browser.switchTo().activeElement(), "Tab reaches the first button");
        int bots = botCount();
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        wait.until(d -> botCount() > bots && idle());
        assertEquals(List.of(label), youTexts(), "the button's words show as the resident's message");
    }

    @Test
    void startAgainClearsTheScreenAndGivesTheNextPersonANewSession() {
        browser.get(service.url("/chat?code=KIOSK-EVENT"));
        choose("yes");
        type("Somewhere safe to play football");
        String firstSession = session();

        browser.findElement(By.id("start-again")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("confirm-yes"))).click();

        wait.until(d -> !session().equals(firstSession) && d.findElements(By.cssSelector(".choices button")).size() > 0);
        assertTrue(youTexts().isEmpty(), "the last person's words are gone from the screen");
        assertEquals("", browser.findElement(By.id("message")).getDomProperty("value"));
    }

    @Test
    void afterForgetThePageEndsTheChatAndTheNextMessageStartsAFreshOne() {
        browser.get(service.url("/chat"));
        int welcome = waitForWelcome();
        choose("yes");
        type("Something to delete");
        type("/forget");
        choose("yes"); // "Yes, delete it"

        wait.until(d -> d.findElement(By.id("status")).getText().contains("ended"));
        assertEquals("", session(), "the page forgot the ended session");

        type("/start");
        wait.until(d -> botCount() == welcome && !session().isEmpty());
        assertTrue(youTexts().isEmpty(), "a fresh chat: nothing from before, and the /start is not shown");
    }

    @Test
    void whenSendingFailsTheTypedTextStaysInTheBox() {
        browser.get(service.url("/chat"));
        choose("yes");
        RunningService running = service;
        service = null;
        running.close(); // the server goes away: the next send cannot reach it
        WebElement box = browser.findElement(By.id("message"));
        box.sendKeys("Please don't lose this", Keys.ENTER);

        wait.until(d -> d.findElement(By.id("status")).getText().contains("still in the box"));
        assertEquals("Please don't lose this", box.getDomProperty("value"));
    }

    // ---- helpers: what a resident does, and what the page shows ----

    /** Clicks the bot's button whose value is {@code value} (or ends with ":value") and waits for the answer. */
    private void choose(String value) {
        By button = By.cssSelector(".choices button[data-value='" + value + "'], .choices button[data-value$=':" + value + "']");
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(button));
        int bots = botCount();
        element.click();
        wait.until(d -> botCount() > bots && idle());
    }

    /** Types an answer, presses Enter, and waits for the bot's reply. */
    private void type(String text) {
        WebElement box = wait.until(ExpectedConditions.elementToBeClickable(By.id("message")));
        wait.until(d -> idle());
        int bots = botCount();
        box.sendKeys(text, Keys.ENTER);
        boolean shown = !text.startsWith("/start");
        wait.until(d -> idle() && (shown ? botCount() > bots && youTexts().contains(text) : box.getDomProperty("value").isEmpty()));
    }

    /** Waits for the opening messages (welcome and consent question) and returns how many there are. */
    private int waitForWelcome() {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".choices button")));
        return botCount();
    }

    private boolean idle() {
        return browser.findElements(By.cssSelector(".msg.sending")).isEmpty()
                && browser.findElement(By.id("send")).isEnabled();
    }

    private int botCount() {
        return browser.findElements(By.cssSelector(".msg.bot")).size();
    }

    private String lastBotText() {
        List<WebElement> bots = browser.findElements(By.cssSelector(".msg.bot .text"));
        return bots.isEmpty() ? "" : visibleText(bots.get(bots.size() - 1));
    }

    private List<String> youTexts() {
        return browser.findElements(By.cssSelector(".msg.you:not(.sending) .text")).stream().map(this::visibleText).toList();
    }

    /** The message text without the "You said:" words kept for screen readers. */
    private String visibleText(WebElement text) {
        return (String) ((JavascriptExecutor) browser).executeScript(
                "return Array.from(arguments[0].childNodes).filter(n => n.nodeType === 3).map(n => n.textContent).join('')", text);
    }

    private String session() {
        Object value = ((JavascriptExecutor) browser).executeScript("return window.localStorage.getItem('chinwag.web.session')");
        return value == null ? "" : value.toString();
    }

    private static String describe(WebElement element) {
        String tag = element.getTagName();
        String id = element.getDomAttribute("id");
        if (element.getDomAttribute("data-value") != null) return tag + ".choice";
        return id == null || id.isEmpty() ? tag : tag + "#" + id;
    }

    /** A 390 x 844 phone screen (an iPhone 12 to 15), touch-style, through Chromium's own emulation. */
    private void actLikeAPhone() {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
    }

    private void screenshot(String name) throws Exception {
        // let the page finish scrolling to the newest messages first: the same position twice running
        Object[] last = {null};
        wait.until(d -> {
            Object now = ((JavascriptExecutor) d).executeScript("return document.getElementById('main').scrollTop");
            boolean settled = now.equals(last[0]);
            last[0] = now;
            return settled;
        });
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
