package org.chinwag.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.chinwag.accounts.Role;
import org.chinwag.testing.ChinwagHarness;
import org.chinwag.testing.RunningService;
import org.chinwag.testing.StaffClient;
import org.chinwag.tokens.Scope;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every route the service has (listed from the Javalin app, HEAD twins included), called by
 * everyone who might call it: nobody, each staff role signed in, a read-only and a write API
 * token. The table below is this test's own word on who may call what; a route missing from it
 * fails the test, so a new route cannot slip past. Whoever may not gets no data: staff pages
 * redirect to /staff/login (not signed in) or answer 403 (wrong role), API routes 401 (no token)
 * or 403 (read-only token on a route that changes data), as JSON.
 */
class StaffAccessTest {

    /**
     * Webhook mode, so the webhook route is among those listed; on a plain http address, as the
     * test's client keeps to the rule that Secure cookies (which an https address gives) travel over https only.
     */
    @RegisterExtension static final ChinwagHarness chinwag = ChinwagHarness.webhook()
            .setting("CHINWAG_PUBLIC_URL", "http://chat.example.org/").build();

    enum Who { NOBODY, FACILITATOR, ANALYST, ADMIN, READ_TOKEN, WRITE_TOKEN }

    static final Set<Who> EVERYONE = EnumSet.allOf(Who.class);
    static final Set<Who> NO_ONE_HERE = EnumSet.noneOf(Who.class);
    static final Set<Who> TOKENS = EnumSet.of(Who.READ_TOKEN, Who.WRITE_TOKEN);
    static final Set<Who> WRITE = EnumSet.of(Who.WRITE_TOKEN);
    static final Set<Who> STAFF = EnumSet.of(Who.FACILITATOR, Who.ANALYST, Who.ADMIN);
    static final Set<Who> ADMIN = EnumSet.of(Who.ADMIN);

    /** Who may call each route ("NO_ONE_HERE": it wants a credential of its own, a chat session or Telegram's secret). */
    static final Map<String, Set<Who>> ALLOWED = Map.ofEntries(
            Map.entry("GET /health", EVERYONE),
            Map.entry("GET /ready", EVERYONE),
            Map.entry("GET /", EVERYONE),
            Map.entry("GET /chat", EVERYONE),
            Map.entry("POST /chat/api/session", EVERYONE),
            Map.entry("GET /chat/api/messages", NO_ONE_HERE),
            Map.entry("POST /chat/api/messages", NO_ONE_HERE),
            Map.entry("POST /telegram/webhook", NO_ONE_HERE),
            Map.entry("GET /api/replies", TOKENS),
            Map.entry("GET /api/replies.csv", TOKENS),
            Map.entry("PUT /api/replies/{id}/themes", WRITE),
            Map.entry("GET /api/participants/{pseudonym}", TOKENS),
            Map.entry("DELETE /api/participants/{pseudonym}", WRITE),
            Map.entry("POST /api/classify", TOKENS),
            Map.entry("GET /api/safeguarding", TOKENS),
            Map.entry("POST /api/safeguarding/{id}/acknowledge", WRITE),
            Map.entry("GET /staff/login", EVERYONE),
            Map.entry("POST /staff/login", EVERYONE),
            Map.entry("POST /staff/logout", STAFF),
            Map.entry("GET /staff", STAFF),
            Map.entry("GET /staff/users", ADMIN),
            Map.entry("POST /staff/users", ADMIN),
            Map.entry("POST /staff/users/{id}/role", ADMIN),
            Map.entry("POST /staff/users/{id}/disable", ADMIN));

    static final String REPLY = "The buses never come after seven";
    static final String ADMIN_EMAIL = "admin@example.gov.uk";
    static final String PASSWORD = "a long enough passphrase";
    static RunningService service;
    static final Map<Who, StaffClient> browsers = new EnumMap<>(Who.class);
    static final Map<Who, String> tokens = new EnumMap<>(Who.class);

    @BeforeAll
    static void start() {
        service = chinwag.service();
        service.consentAndAnswer("5550002222", REPLY);
        browsers.put(Who.NOBODY, service.staff("unused@example.gov.uk", Role.ANALYST, PASSWORD));
        browsers.put(Who.ADMIN, service.staff(ADMIN_EMAIL, Role.ADMIN, PASSWORD).signedIn(ADMIN_EMAIL, PASSWORD));
        browsers.put(Who.ANALYST, service.staff("analyst@example.gov.uk", Role.ANALYST, PASSWORD)
                .signedIn("analyst@example.gov.uk", PASSWORD));
        browsers.put(Who.FACILITATOR, service.staff("facilitator@example.gov.uk", Role.FACILITATOR, PASSWORD)
                .signedIn("facilitator@example.gov.uk", PASSWORD));
        browsers.put(Who.READ_TOKEN, browsers.get(Who.NOBODY));
        browsers.put(Who.WRITE_TOKEN, browsers.get(Who.NOBODY));
        tokens.put(Who.READ_TOKEN, service.createToken("reader", Scope.READ));
        tokens.put(Who.WRITE_TOKEN, service.createToken("writer", Scope.WRITE));
    }

    static String key(HttpServer.Route route) {
        return (route.method().equals("HEAD") ? "GET" : route.method()) + " " + route.path();
    }

    @Test
    void everyRouteIsInThisTestsTable() {
        Set<String> listed = new TreeSet<>();
        service.service().routes().forEach(route -> listed.add(key(route)));
        assertTrue(listed.size() >= 20, "the routes are listed from the app: " + listed);
        assertEquals(new TreeSet<>(ALLOWED.keySet()), listed, "a route was added or removed: say here who may call it");
    }

    @Test
    void noRouteGivesDataToAnyoneWithoutTheRightRoleOrScope() {
        List<String> failures = new ArrayList<>();
        Map<String, Integer> seen = new TreeMap<>();
        for (HttpServer.Route route : service.service().routes()) {
            Set<Who> allowed = ALLOWED.getOrDefault(key(route), NO_ONE_HERE);
            for (Who who : Who.values()) {
                // signing out works (the browser test shows it); here it would end the session the other rows use
                if (route.path().equals("/staff/logout") && allowed.contains(who)) continue;
                HttpResponse<String> answer = call(route, who);
                seen.merge(answer.statusCode() + "", 1, Integer::sum);
                String problem = allowed.contains(who) ? allowedProblem(answer) : refusedProblem(route, who, answer);
                if (problem != null) failures.add(route.method() + " " + route.path() + " as " + who + ": " + problem);
            }
        }
        assertEquals(List.of(), failures, "answers seen: " + seen);
    }

    private static HttpResponse<String> call(HttpServer.Route route, Who who) {
        String path = route.path().replace("{pseudonym}", "P-AAAAAAAA").replaceAll("\\{[^}]+}", "999999");
        StaffClient browser = browsers.get(who);
        Map<String, String> headers = new java.util.HashMap<>();
        if (tokens.containsKey(who)) headers.put("Authorization", "Bearer " + tokens.get(who));
        String body = null;
        if (Set.of("POST", "PUT", "DELETE").contains(route.method())) {
            if (Access.isPage(route.path())) {
                // the session's own CSRF token, so only the role can be what refuses
                headers.put("Content-Type", "application/x-www-form-urlencoded");
                body = "csrf=" + browser.csrf();
            } else {
                headers.put("Content-Type", "application/json");
                body = route.path().contains("themes") ? "{\"themes\": []}" : "{\"text\": \"hello\"}";
            }
        }
        return browser.request(route.method(), path, headers, body);
    }

    private static String allowedProblem(HttpResponse<String> answer) {
        int status = answer.statusCode();
        if (status == 401 || status == 403) return "refused (" + status + ") but should be allowed: " + answer.body();
        if (redirectsToSignIn(answer)) return "sent to sign in but should be allowed";
        if (status >= 500) return "answered " + status;
        return null;
    }

    private static String refusedProblem(HttpServer.Route route, Who who, HttpResponse<String> answer) {
        int status = answer.statusCode();
        String body = answer.body();
        if (body.contains(REPLY) || body.contains(ADMIN_EMAIL) || body.contains("analyst@") || body.contains("govuk-table")) {
            return "leaked data: " + body;
        }
        boolean head = route.method().equals("HEAD");
        if (Access.isPage(route.path())) {
            boolean signedIn = STAFF.contains(who);
            if (!signedIn) return redirectsToSignIn(answer) ? null : "expected a redirect to /staff/login, got " + status;
            if (status != 403) return "expected 403 for the wrong role, got " + status;
            return head || body.contains("You cannot do that") ? null : "403 without the page saying why: " + body;
        }
        if (route.path().startsWith("/api/")) {
            int expected = who == Who.READ_TOKEN ? 403 : 401;
            if (status != expected) return "expected " + expected + ", got " + status + " " + body;
        } else if (status < 400 || status >= 500) {
            return "expected a 4xx (the route checks its own credential), got " + status;
        }
        boolean json = answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
        if (!head && (!json || !body.contains("\"message\""))) return "not a JSON error: " + body;
        return null;
    }

    private static boolean redirectsToSignIn(HttpResponse<String> answer) {
        return answer.statusCode() == 303 && answer.headers().firstValue("Location").orElse("").equals("/staff/login");
    }
}
