package org.chinwag.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.chinwag.accounts.Accounts;
import org.chinwag.accounts.Role;
import org.chinwag.testing.ChinwagHarness;
import org.chinwag.testing.Chromium;
import org.chinwag.testing.RunningService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Staff signing in and out in a real browser (Debian's headless Chromium through Selenium),
 * against the whole running service, with axe-core checking each page: no serious or critical
 * accessibility problems.
 */
class StaffBrowserTest {

    static final String EMAIL = "ada@leeds.example.gov.uk";
    static final String PASSWORD = "a long enough passphrase";

    /** First, so that without the browser the service is not started at all. */
    @RegisterExtension final Chromium chromium = new Chromium(1024, 900);
    @RegisterExtension final ChinwagHarness chinwag = ChinwagHarness.web().build();
    RunningService service;
    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void addTheAdmin() {
        service = chinwag.service();
        service.accounts().add(EMAIL, Role.ADMIN, PASSWORD, null);
        browser = chromium.browser();
        wait = chromium.await();
    }

    private void signIn(String email, String password) {
        browser.findElement(By.id("email")).clear();
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form[action='/staff/login'] button")).click();
    }

    private List<String> errorSummary() {
        WebElement summary = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".govuk-error-summary")));
        return summary.findElements(By.cssSelector(".govuk-error-summary__list a")).stream().map(WebElement::getText).toList();
    }

    @Test
    void signInShowsTheStartPageAndSignOutEndsTheSession() throws Exception {
        browser.get(service.url("/staff/users"));
        wait.until(ExpectedConditions.urlToBe(service.url("/staff/login")));
        assertTrue(browser.getTitle().startsWith("Sign in"), browser.getTitle());
        assertTrue(((String) browser.executeScript("return getComputedStyle(document.body).fontFamily")).contains("system-ui"),
                "GOV.UK Frontend's CSS and the service's own font, both served by the service");
        Chromium.assertNoSeriousAxeViolations(browser, "the sign-in page");

        signIn(EMAIL.toUpperCase(), PASSWORD);
        wait.until(ExpectedConditions.urlToBe(service.url("/staff")));
        String page = browser.findElement(By.id("main-content")).getText();
        assertTrue(page.contains("signed in as " + EMAIL) && page.contains("Admin"), page);
        Cookie session = browser.manage().getCookieNamed("chinwag_staff");
        assertTrue(session.isHttpOnly(), "scripts cannot read the session cookie");
        assertEquals("Lax", session.getSameSite());
        assertFalse(session.isSecure(), "plain http here; Secure behind HTTPS (StaffSignInTest)");
        Chromium.assertNoSeriousAxeViolations(browser, "the start page");

        browser.findElement(By.linkText("Users")).click();
        wait.until(ExpectedConditions.urlToBe(service.url("/staff/users")));
        assertTrue(browser.findElement(By.cssSelector(".govuk-table")).getText().contains(EMAIL));
        Chromium.assertNoSeriousAxeViolations(browser, "the users page");
        Chromium.screenshot(browser, "staff-users.png");

        browser.findElement(By.xpath("//button[contains(., 'Sign out')]")).click();
        wait.until(ExpectedConditions.urlContains("/staff/login"));
        assertTrue(browser.findElement(By.cssSelector(".govuk-notification-banner")).getText().contains("You have signed out"));
        browser.get(service.url("/staff"));
        wait.until(ExpectedConditions.urlToBe(service.url("/staff/login")));
        assertTrue(service.accounts().audit(10).stream().anyMatch(a -> a.action().equals("sign_out")));
    }

    @Test
    void aWrongPasswordGetsAnErrorSummaryThatDoesNotSayWhetherTheEmailExists() throws Exception {
        browser.get(service.url("/staff/login"));
        signIn(EMAIL, "not the password at all");
        List<String> wrongPassword = errorSummary();
        assertTrue(browser.getTitle().startsWith("Error: "), browser.getTitle());
        assertEquals(EMAIL, browser.findElement(By.id("email")).getDomProperty("value"), "the email is kept");
        assertEquals("", browser.findElement(By.id("password")).getDomProperty("value"), "the password is not");
        Chromium.assertNoSeriousAxeViolations(browser, "the sign-in page with an error");
        Chromium.screenshot(browser, "staff-sign-in-error.png");

        signIn("nobody@leeds.example.gov.uk", "not the password at all");
        assertEquals(wrongPassword, errorSummary(), "an unknown email reads the same as a wrong password");

        // the summary's link takes the keyboard to the field
        browser.findElement(By.cssSelector(".govuk-error-summary__list a")).click();
        assertEquals("email", browser.switchTo().activeElement().getDomAttribute("id"));
    }

    @Test
    void afterFiveWrongPasswordsEvenTheRightOneWaitsWithAClearMessage() throws Exception {
        browser.get(service.url("/staff/login"));
        for (int i = 0; i < Accounts.MAX_FAILURES_PER_ACCOUNT; i++) {
            signIn(EMAIL, "wrong password number " + i);
            errorSummary();
        }
        signIn(EMAIL, PASSWORD);
        String message = String.join(" ", errorSummary());
        assertTrue(message.contains("too many attempts") && message.contains("15 minutes"), message);
        assertEquals(service.url("/staff/login"), browser.getCurrentUrl(), "not signed in");
        Chromium.assertNoSeriousAxeViolations(browser, "the sign-in page when throttled");
    }
}
