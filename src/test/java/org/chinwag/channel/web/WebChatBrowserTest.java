package org.chinwag.channel.web;

import static org.chinwag.testing.WebChatClient.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chinwag.testing.ChinwagHarness;
import org.chinwag.testing.Chromium;
import org.chinwag.testing.RunningService;
import org.chinwag.testing.TestScript;
import org.chinwag.testing.WebChatClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web chat in a real browser: Debian's headless Chromium driven by Selenium, against the whole
 * running service. Only the local chromedriver is used, so nothing is ever downloaded.
 */
class WebChatBrowserTest {

    /** Started once the browser is known to be there. */
    @RegisterExtension final ChinwagHarness chinwag = ChinwagHarness.web().startLater().build();
    @RegisterExtension final Chromium chromium = new Chromium(390, 844);
    RunningService service;
    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void start() {
        service = chinwag.start();
        browser = chromium.browser();
        wait = chromium.await();
    }

    @Test
    void aResidentHasTheWholeConversationInThePageAndTheirAnswersAreStoredWithTheEventCode() throws Exception {
        actLikeAPhone();
        browser.get(service.url("/chat?code=TEST-EVENT"));

        choose("yes"); // consent, by clicking the button
        type("Walking in Roundhay Park with my neighbours");
        type("The bus into town stops too early in the evening");
        wait.until(d -> lastBotText().contains(TestScript.REFLECTS_TRAVEL)); // the bot reflects back what it heard
        choose("yes"); // "Yes, spot on"
        type("I can't get to the evening classes at the library");
        type("More buses after 7pm please");
        screenshot("web-chat-phone.png");
        choose("skip"); // about you
        choose("yes"); // keep me updated
        wait.until(d -> lastBotText().contains(TestScript.THANKS));

        assertTrue(youTexts().contains(TestScript.CONSENT_YES), "a pressed button shows as the resident's message");
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
        assertEquals(List.of(TestScript.CONSENT_YES, "Swimming at the leisure centre", "It closes early on Sundays"), youTexts());
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
        browser.get(service.url("/chat?code=OWN-PHONE"));
        waitForWelcome();
        assertFalse(browser.findElement(By.id("start-again")).isDisplayed(), "no 'next person' on a resident's own phone");

        browser.get(service.url("/chat?code=KIOSK-EVENT&kiosk=1"));
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
        service.close(); // the server goes away: the next send cannot reach it
        WebElement box = browser.findElement(By.id("message"));
        box.sendKeys("Please don't lose this", Keys.ENTER);

        wait.until(d -> d.findElement(By.id("status")).getText().contains("still in the box"));
        assertEquals("Please don't lose this", box.getDomProperty("value"));
    }


    /**
     * Keyboard only: after pressing a button with Enter, typing goes where the next step wants it.
     * A Skip button must never have the focus then, or the first space would press it and the rest
     * of the answer would be stored against the next question.
     */
    @Test
    void afterAKeyboardPressTypingGoesToTheMessageBoxAndLandsOnTheRightQuestion() {
        browser.get(service.url("/chat"));
        pressByKeyboard("yes"); // consent
        typeByKeyboard("Walking in Roundhay Park with my neighbours");
        typeByKeyboard("The bus into town stops too early in the evening");
        wait.until(d -> lastBotText().contains(TestScript.REFLECTS_TRAVEL));

        pressByKeyboard("yes"); // "Yes, spot on": the follow-up, which offers Skip
        assertEquals("textarea#message", describe(browser.switchTo().activeElement()), "focus is in the message box");
        typeByKeyboard("More buses after 7pm please");

        JsonNode replies = read(service.get("/api/replies", service.createToken("browser-test"))).get("replies");
        List<String> followups = new ArrayList<>();
        replies.forEach(r -> { if (r.get("question").asText().equals("followup")) followups.add(r.get("text").asText()); });
        assertEquals(List.of("More buses after 7pm please"), followups, replies.toString());
    }

    @Test
    void inTheThemePickerFocusStaysOnTheButtonJustPressed() {
        browser.get(service.url("/chat"));
        choose("yes");
        type("Walking in Roundhay Park with my neighbours");
        type("The bus into town stops too early in the evening");
        pressByKeyboard("no"); // "Not quite": the themes to pick from
        pressByKeyboard("theme.crime_safety");
        WebElement focused = browser.switchTo().activeElement();
        assertEquals("reflect:theme.crime_safety", focused.getDomAttribute("data-value"));
        assertTrue(focused.getText().contains("Safety"), focused.getText());
        pressByKeyboard("theme.green_spaces");
        assertEquals("reflect:theme.green_spaces", browser.switchTo().activeElement().getDomAttribute("data-value"));
    }

    /** Tall messages scroll inside the message area only: the page itself never moves. */
    @Test
    void tallMessagesOnAPhoneLeaveTheHeaderAndMessageBoxInPlace() {
        actLikeAPhone(375, 667);
        browser.get(service.url("/chat"));
        choose("yes");
        type("Walking in Roundhay Park with my neighbours");
        for (String command : List.of("/help", "/mydata", "/help")) {
            typeCommand(command);
            assertPageDidNotMove(command);
        }
    }

    @Test
    void aReloadOpensAtThePendingQuestionAndItsButtons() {
        actLikeAPhone(375, 667);
        browser.get(service.url("/chat"));
        choose("yes");
        type("Walking in Roundhay Park with my neighbours");
        type("The bus into town stops too early in the evening");
        typeCommand("/help");
        wait.until(d -> lastBotText().contains(TestScript.REFLECTS_TRAVEL));

        browser.navigate().refresh();

        wait.until(d -> lastBotText().contains(TestScript.REFLECTS_TRAVEL) && !d.findElements(By.cssSelector(".choices button")).isEmpty());
        wait.until(d -> allChoicesInSight());
        assertPageDidNotMove("after the reload");
    }

    @Test
    void onAPhoneTheConsentButtonsAreInSightWithoutScrolling() {
        actLikeAPhone(375, 667);
        browser.get(service.url("/chat"));
        waitForWelcome();
        wait.until(d -> allChoicesInSight());
        assertPageDidNotMove("the first screen");
    }

    /** 200% zoom on a 1280 x 800 screen lays the page out at 640 x 400, two device pixels to one. */
    @Test
    void at200PercentZoomTheReflectButtonsAreNotHiddenBehindTheMessageBox() {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 640, "height", 400, "deviceScaleFactor", 2, "mobile", false));
        browser.get(service.url("/chat"));
        choose("yes");
        type("Walking in Roundhay Park with my neighbours");
        type("The bus into town stops too early in the evening");
        wait.until(d -> lastBotText().contains(TestScript.REFLECTS_TRAVEL));
        wait.until(d -> allChoicesInSight());
        assertPageDidNotMove("at 200%");
    }

    @Test
    void axeFindsNoSeriousProblemsInTheChat() throws Exception {
        actLikeAPhone(375, 667);
        browser.get(service.url("/chat"));
        waitForWelcome();
        assertNoSeriousAxeViolations("the welcome");
        choose("yes");
        type("The bus into town stops too early in the evening");
        typeCommand("/help");
        assertNoSeriousAxeViolations("a conversation under way");
    }

    /** Helplines are links a phone can call or text, with the words unchanged. */
    @Test
    void helplineNumbersInTheBotsWordsAreCallAndTextLinks() {
        browser.get(service.url("/chat"));
        choose("yes");
        type("not been right for weeks, can't be bothered with anything");
        List<WebElement> links = browser.findElements(By.cssSelector(".msg.bot a"));
        Map<String, String> byText = new java.util.LinkedHashMap<>();
        links.forEach(a -> byText.put(a.getText(), a.getDomAttribute("href")));
        assertEquals("tel:116123", byText.get("116 123"), byText.toString());
        assertEquals("sms:85258?body=SHOUT", byText.get("SHOUT to 85258"), byText.toString());
        WebElement checkIn = links.get(0).findElement(By.xpath("./ancestor::p[1]"));
        assertTrue(checkIn.getText().contains("call 116 123, free"), "the words read as before: " + checkIn.getText());
        assertTrue(browser.findElements(By.cssSelector(".msg.you a")).isEmpty(), "a resident's own words are never made links");
    }

    @Test
    void afterDecliningTheResidentsOwnWordsStayOnScreen() {
        browser.get(service.url("/chat"));
        waitForWelcome();
        WebElement box = browser.findElement(By.id("message"));
        int bots = botCount();
        box.sendKeys("No thanks", Keys.ENTER);
        wait.until(d -> botCount() > bots && idle());
        assertTrue(lastBotText().contains(TestScript.CONSENT_REFUSED), lastBotText());
        assertEquals(List.of("No thanks"), youTexts(), "what they typed is still on screen");
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

    /** Tabs (forwards only) to the bot's button whose value is or ends with {@code value}, presses Enter, waits for the answer. */
    private void pressByKeyboard(String value) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".choices button")));
        wait.until(d -> idle());
        for (int i = 0; i < 40 && !isButton(browser.switchTo().activeElement(), value); i++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
        }
        assertTrue(isButton(browser.switchTo().activeElement(), value), "Tab reaches the button " + value);
        int bots = botCount();
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        wait.until(d -> botCount() > bots && idle());
    }

    private static boolean isButton(WebElement element, String value) {
        String v = element.getDomAttribute("data-value");
        return v != null && WebChatClient.matches(v, value);
    }

    /** Types into whatever has the focus, as a keyboard does, then Enter; waits for the bot's reply. */
    private void typeByKeyboard(String text) {
        wait.until(d -> idle());
        int bots = botCount();
        new Actions(browser).sendKeys(text).sendKeys(Keys.ENTER).perform();
        wait.until(d -> idle() && botCount() > bots);
    }

    /** Sends a command (not shown back as the resident's words) and waits for the bot's answer. */
    private void typeCommand(String command) {
        WebElement box = wait.until(ExpectedConditions.elementToBeClickable(By.id("message")));
        wait.until(d -> idle());
        int bots = botCount();
        box.sendKeys(command, Keys.ENTER);
        wait.until(d -> idle() && botCount() > bots);
    }

    /** The page itself is not scrolled, fits the screen, and shows the whole header and message box. */
    private void assertPageDidNotMove(String when) {
        Map<?, ?> page = (Map<?, ?>) js("var s = document.scrollingElement, h = document.querySelector('header').getBoundingClientRect(),"
                + " c = document.querySelector('.composer').getBoundingClientRect();"
                + " return {scrollTop: s.scrollTop, scrollHeight: s.scrollHeight, height: window.innerHeight,"
                + " headerTop: h.top, composerBottom: c.bottom};");
        assertEquals(0L, ((Number) page.get("scrollTop")).longValue(), when + ": the page scrolled " + page);
        assertTrue(((Number) page.get("scrollHeight")).doubleValue() <= ((Number) page.get("height")).doubleValue(),
                when + ": the page is taller than the screen " + page);
        assertEquals(0.0, ((Number) page.get("headerTop")).doubleValue(), when + ": the header is in sight " + page);
        assertTrue(((Number) page.get("composerBottom")).doubleValue() <= ((Number) page.get("height")).doubleValue() + 0.5,
                when + ": the message box is in sight " + page);
    }

    /** Every button offered lies inside the visible part of the message area (not under the header or the message box). */
    private boolean allChoicesInSight() {
        return Boolean.TRUE.equals(js("var m = document.getElementById('main').getBoundingClientRect();"
                + " var b = Array.from(document.querySelectorAll('.choices button'));"
                + " return b.length > 0 && b.every(function (e) { var r = e.getBoundingClientRect();"
                + " return r.top >= m.top - 0.5 && r.bottom <= m.bottom + 0.5 && r.bottom <= window.innerHeight; });"));
    }

    private void assertNoSeriousAxeViolations(String when) throws Exception {
        Chromium.assertNoSeriousAxeViolations(browser, when);
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
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
        actLikeAPhone(390, 844);
    }

    private void actLikeAPhone(int width, int height) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
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
        Chromium.screenshot(browser, name);
    }
}
