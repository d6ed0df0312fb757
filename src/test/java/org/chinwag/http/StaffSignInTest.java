package org.chinwag.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.chinwag.accounts.Role;
import org.chinwag.accounts.StaffUser;
import org.chinwag.testing.CapturedLog;
import org.chinwag.testing.ChinwagHarness;
import org.chinwag.testing.RunningService;
import org.chinwag.testing.StaffClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The staff pages over HTTP: cookies, CSRF on every form, the users page, error pages. */
class StaffSignInTest {

    static final String ADMIN = "admin@example.gov.uk";
    static final String PASSWORD = "a long enough passphrase";

    @RegisterExtension final ChinwagHarness chinwag = ChinwagHarness.web().build();

    private StaffClient admin() {
        return chinwag.service().staff(ADMIN, Role.ADMIN, PASSWORD).signedIn(ADMIN, PASSWORD);
    }

    @Test
    void theSessionCookieIsHttpOnlyLaxAndSecureBehindHttps() {
        RunningService service = chinwag.service();
        service.accounts().add(ADMIN, Role.ADMIN, PASSWORD, null);
        HttpResponse<String> page = service.request("GET", "/staff/login", Map.of("X-Forwarded-Proto", "https"), null);
        String loginCookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("chinwag_login=")).findFirst().orElseThrow();
        assertTrue(loginCookie.contains("HttpOnly") && loginCookie.contains("SameSite=Lax") && loginCookie.contains("Secure"), loginCookie);
        String token = loginCookie.substring("chinwag_login=".length(), loginCookie.indexOf(';'));
        HttpResponse<String> signedIn = service.request("POST", "/staff/login", Map.of("X-Forwarded-Proto", "https",
                "Content-Type", "application/x-www-form-urlencoded", "Cookie", "chinwag_login=" + token),
                ("csrf=" + token + "&email=" + ADMIN + "&password=" + PASSWORD.replace(' ', '+')).getBytes());
        assertEquals(303, signedIn.statusCode(), signedIn.body());
        String session = signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("chinwag_staff=")).findFirst().orElseThrow();
        assertTrue(session.contains("HttpOnly") && session.contains("SameSite=Lax") && session.contains("Secure")
                && session.contains("Path=/staff"), session);
    }

    @Test
    void everyFormNeedsItsSessionsCsrfToken() {
        StaffClient admin = admin();
        admin.get("/staff/users");
        HttpResponse<String> forged = admin.post("/staff/users", Map.of("csrf", "forged", "email", "new@example.gov.uk",
                "role", "analyst", "password", PASSWORD));
        assertEquals(403, forged.statusCode());
        assertTrue(forged.body().contains("This form had expired"), forged.body());
        HttpResponse<String> signOut = admin.post("/staff/logout", Map.of("csrf", ""));
        assertEquals(403, signOut.statusCode(), "a page elsewhere cannot sign staff out either");
        assertTrue(chinwag.service().accounts().byEmail("new@example.gov.uk").isEmpty());

        HttpResponse<String> login = chinwag.service().staffClient().post("/staff/login",
                Map.of("csrf", "made-up", "email", ADMIN, "password", PASSWORD));
        assertEquals(400, login.statusCode(), "the sign-in form has its own token, before there is a session");
    }

    @Test
    void anAdminAddsAUserChangesTheirRoleAndDisablesThemAllAudited() {
        try (CapturedLog log = CapturedLog.startAtDebug()) {
            addChangeAndDisable();
            assertTrue(log.events() > 0);
            assertFalse(log.text().contains("@"), "accounts are logged by id, never by email: " + log.text());
            assertFalse(log.text().contains(PASSWORD), log.text());
        }
    }

    private void addChangeAndDisable() {
        StaffClient admin = admin();
        admin.get("/staff/users");
        HttpResponse<String> weak = admin.post("/staff/users", Map.of("email", "new@example.gov.uk", "role", "analyst",
                "password", "short"));
        assertEquals(400, weak.statusCode());
        assertTrue(weak.body().contains("govuk-error-summary") && weak.body().contains("at least 12 characters"), weak.body());
        assertTrue(weak.body().contains("value=\"new@example.gov.uk\""), "the email is kept for another try");

        HttpResponse<String> added = admin.post("/staff/users", Map.of("email", "New@Example.gov.uk", "role", "analyst",
                "password", PASSWORD));
        assertEquals(303, added.statusCode(), added.body());
        assertTrue(admin.get("/staff/users?done=added").body().contains("User added."));
        StaffUser user = chinwag.service().accounts().byEmail("new@example.gov.uk").orElseThrow();
        assertEquals(Role.ANALYST, user.role());

        StaffClient newcomer = chinwag.service().staffClient().signedIn("new@example.gov.uk", PASSWORD);
        assertEquals(403, newcomer.get("/staff/users").statusCode(), "an analyst does not see the users page");

        admin.get("/staff/users");
        assertEquals(303, admin.post("/staff/users/" + user.id() + "/role", Map.of("role", "facilitator")).statusCode());
        assertEquals(303, newcomer.get("/staff").statusCode(), "a changed role signs the person out");
        admin.get("/staff/users");
        assertEquals(303, admin.post("/staff/users/" + user.id() + "/disable", Map.of()).statusCode());
        assertTrue(chinwag.service().accounts().byEmail("new@example.gov.uk").orElseThrow().disabled());
        assertEquals(401, chinwag.service().staffClient().signIn("new@example.gov.uk", PASSWORD).statusCode());

        admin.get("/staff/users");
        int self = chinwag.service().accounts().byEmail(ADMIN).orElseThrow().id();
        HttpResponse<String> last = admin.post("/staff/users/" + self + "/disable", Map.of());
        assertEquals(400, last.statusCode());
        assertTrue(last.body().contains("only active admin"), last.body());
        admin.get("/staff/users");
        assertEquals(404, admin.post("/staff/users/abc/role", Map.of("role", "admin")).statusCode());
        admin.get("/staff/users");
        assertEquals(400, admin.post("/staff/users/" + self + "/role", Map.of("role", "overlord")).statusCode());

        List<String> actions = chinwag.service().accounts().audit(50).stream().map(a -> a.action()).toList();
        assertTrue(actions.containsAll(List.of("user_added", "role_changed", "user_disabled", "sign_in", "sign_in_failed")), actions.toString());
    }

    @Test
    void anUnknownStaffPageIsAPageNotJson() {
        HttpResponse<String> missing = chinwag.service().get("/staff/nothing-here", null);
        assertEquals(404, missing.statusCode());
        assertTrue(missing.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(missing.body().contains("Page not found"), missing.body());
        assertFalse(missing.body().contains("Sign out"), "not signed in: no signed-in parts");
        HttpResponse<String> css = chinwag.service().get(StaffView.GOVUK + "/govuk-frontend.min.css", null);
        assertEquals(200, css.statusCode(), "GOV.UK Frontend is served by the service itself");
    }
}
