package org.chinwag.http;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.chinwag.testing.ChinwagHarness;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.chinwag.testing.MovableClock;
import org.chinwag.testing.RunningService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A corpus of bad input thrown at every route the service has (listed from the Javalin app, so a
 * new route is covered without editing this test): bad charsets, broken and wrongly typed JSON,
 * huge and overflowing numbers and instants, empty and oversized bodies, odd path parameters and
 * methods. Nothing may answer 5xx; every 4xx must be a JSON error with a message (on the staff
 * pages, a page saying what is wrong).
 */
class BadInputTest {

    static final String SECRET = ChinwagHarness.SECRET;
    /** Advanced between requests so rate limits never hide what a route does with the input. */
    static final MovableClock clock = new MovableClock();
    /** Webhook mode, so the webhook route is among those tried. */
    @RegisterExtension static final ChinwagHarness chinwag = ChinwagHarness.webhook().clock(clock).build();
    static RunningService service;
    static String token;
    static String session;
    static String pseudonym;

    static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=latin-1",
            "application/json; charset=utf-8", "application/json; charset=", "application/json; charset=\"x-bogus\"",
            "application/json; charset=utf-16", "text/plain", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=zz", "");

    static final List<String> BODIES = List.of("", " ", "null", "true", "[]", "{}", "\"text\"", "123", "{", "}",
            "not json", "{\"text\": 5}", "{\"text\": null}", "{\"text\": [\"a\"]}", "{\"text\": {\"a\": 1}}",
            "{\"text\": \"" + "x".repeat(5000) + "\"}", "{\"themes\": 5}", "{\"themes\": [null]}",
            "{\"themes\": [{\"a\": 1}]}", "{\"themes\": [\"transport\", 7]}",
            "{\"id\": 1e400, \"text\": \"hi\"}", "{\"id\": \"abcdefgh01\", \"text\": \"hi\", \"after\": 99999999999999999999}",
            "{\"id\": \"abcdefgh02\", \"text\": \"hi\", \"after\": -1}", "{\"id\": \"abcdefgh03\", \"text\": \"hi\", \"after\": 1.5}",
            "{\"id\": \"abcdefgh04\", \"button\": {\"value\": 5}}", "{\"id\": \"abcdefgh05\", \"button\": \"x\"}",
            "{\"id\": \"abcdefgh06\", \"button\": {\"value\": \"yes\", \"label\": [1]}}",
            "{\"id\": \"abcdefgh07\", \"text\": \"hi\", \"button\": {}}", "{\"id\": \"abcdefgh08\", \"text\": \"\\u0000\"}",
            "{\"id\": \"abcdefgh09\", \"text\": \"\\ud800\"}", "{\"id\": [], \"text\": \"hi\"}",
            "{\"update_id\": 99999999999999999999}", "{\"update_id\": \"x\"}", "{\"update_id\": 1, \"message\": \"x\"}",
            "{\"update_id\": -1}", "1" + "0".repeat(3000), "[".repeat(5000) + "]".repeat(5000),
            "{\"text\": \"hi\"}".repeat(3), "\uFEFF{\"text\": \"hi\"}");

    static final List<byte[]> RAW_BODIES = List.of(
            new byte[] {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
            new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0},
            "{\"text\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1),
            new byte[(int) HttpServer.MAX_REQUEST_BYTES + 10]);

    static final List<String> QUERY_NAMES = List.of("from", "to", "after", "limit", "all", "event", "campaign");
    static final List<String> QUERY_VALUES = List.of("-1000000000-01-01T00:00:00Z", "+1000000000-12-31T23:59:59.999999999Z",
            "-999999999-01-01", "+999999999-12-31", "9999-12-31", "2026-02-30", "99999999999999999999", "-1", "0",
            "1e309", "abc", "", "%00", "%FF", "2026-11-23T10:00:00+99:00", "x".repeat(3000));

    static final List<String> PATH_VALUES = List.of("1", "0", "-1", "99999999999999999999", "1.5", "abc", "%00", "%FF",
            "P-AAAAAAAA", "%F0%9F%98%80", "..%2F..", "%20", "x".repeat(2000));

    static final List<String> ODD_METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE",
            "PROPFIND", "QUERY");

    @BeforeAll
    static void start() {
        service = chinwag.service();
        token = service.createToken("corpus");
        service.consentAndAnswer("5550001111", "The buses never come");
        pseudonym = service.service().database().dsl().fetchValue("select pseudonym from participant").toString();
        HttpResponse<String> opened = service.post("/chat/api/session", "application/json", "", Map.of());
        session = ChinwagHarness.json(opened.body()).get("session").asText();
    }

    /** Everything a well-behaved client would send, so the input (not a missing credential) is what is tested. */
    static Map<String, String> credentials() {
        return Map.of("Authorization", "Bearer " + token, "X-Chinwag-Session", session,
                "X-Telegram-Bot-Api-Secret-Token", SECRET);
    }

    static final List<String> failures = new ArrayList<>();

    static void check(String method, String path, String contentType, byte[] body, String what) {
        clock.advance(Duration.ofMinutes(10));
        Map<String, String> headers = new LinkedHashMap<>(credentials());
        if (contentType != null && !contentType.isEmpty()) headers.put("Content-Type", contentType);
        HttpResponse<String> response;
        try {
            response = service.request(method, path, headers, body);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // the client itself refused (or the server closed the connection on an invalid request): not a 5xx
            return;
        }
        int status = response.statusCode();
        String described = method + " " + abbreviated(path) + " [" + what + "] -> " + status + " " + abbreviated(response.body());
        if (status >= 500) {
            failures.add(described);
        } else if (status >= 400 && !method.equals("HEAD") && Access.isPage(path.split("\\?", 2)[0])) {
            // staff pages answer with a page in the staff layout that says what is wrong, except
            // where Jetty could not read the request at all (so knows no path) and closes the connection
            boolean page = response.headers().firstValue("Content-Type").orElse("").startsWith("text/html");
            boolean unread = isJson(response) && response.headers().firstValue("Connection").orElse("").equals("close");
            if (!unread && (!page || !response.body().contains("govuk-heading-l"))) failures.add(described + " (not an error page)");
        } else if (status >= 400 && !method.equals("HEAD")) {
            if (!isJson(response)) {
                failures.add(described + " (not a JSON error)");
                return;
            }
            JsonNode error = ChinwagHarness.json(response.body()).path("error");
            if (error.path("message").asText().isBlank()) failures.add(described + " (no message)");
        }
    }

    private static boolean isJson(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
    }

    private static String abbreviated(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "..." : text;
    }

    static List<HttpServer.Route> routes() {
        List<HttpServer.Route> routes = service.service().routes();
        assertTrue(routes.size() >= 15, "the routes are listed from the app: " + routes);
        return routes;
    }

    /** The route's path with each {param} filled in. */
    static String fill(String pattern, String value) {
        return pattern.replaceAll("\\{[^}]+}", java.util.regex.Matcher.quoteReplacement(value));
    }

    static String plausible(String pattern) {
        return pattern.contains("{pseudonym}") ? fill(pattern, pseudonym) : fill(pattern, "1");
    }

    @Test
    void everyRouteWithABodyAnswersBadBodiesWithA4xxThatSaysWhy() {
        failures.clear();
        for (HttpServer.Route route : routes()) {
            if (!Set.of("POST", "PUT", "PATCH", "DELETE").contains(route.method())) continue;
            String path = plausible(route.path());
            for (String contentType : CONTENT_TYPES) {
                for (String body : BODIES) {
                    check(route.method(), path, contentType, body.getBytes(StandardCharsets.UTF_8),
                            contentType + " " + abbreviated(body));
                }
                for (byte[] raw : RAW_BODIES) check(route.method(), path, contentType, raw, contentType + " raw " + raw.length);
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void everyGetRouteAnswersBadQueryParametersWithA4xx() {
        failures.clear();
        for (HttpServer.Route route : routes()) {
            if (!route.method().equals("GET") && !route.method().equals("HEAD")) continue;
            String path = plausible(route.path());
            for (String name : QUERY_NAMES) {
                for (String value : QUERY_VALUES) {
                    String encoded = value.startsWith("%") ? value : URLEncoder.encode(value, StandardCharsets.UTF_8);
                    check(route.method(), path + "?" + name + "=" + encoded, null, null, name + "=" + abbreviated(value));
                }
            }
            check(route.method(), path + "?from=2026-01-01&from=-1000000000-01-01T00:00:00Z", null, null, "repeated");
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void everyRouteAnswersOddPathParametersAndMethodsWithoutA5xx() {
        failures.clear();
        Set<String> paths = new TreeSet<>();
        for (HttpServer.Route route : routes()) {
            paths.add(plausible(route.path()));
            if (!route.path().contains("{")) continue;
            for (String value : PATH_VALUES) {
                check(route.method(), fill(route.path(), value), "application/json", "{}".getBytes(StandardCharsets.UTF_8),
                        "path " + abbreviated(value));
            }
        }
        paths.add("/static/chat.js");
        paths.add("/static/..%2F..%2Fetc%2Fpasswd");
        paths.add("/api");
        for (String path : paths) {
            for (String method : ODD_METHODS) check(method, path, null, null, "method");
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void theTwoDefectsFromTheIssueAreNamedClearly() {
        var charset = service.request("POST", "/api/classify", Map.of("Authorization", "Bearer " + token,
                "Content-Type", "application/json; charset=latin-1"), "{\"text\": \"buses\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(415, charset.statusCode(), charset.body());
        assertTrue(ChinwagHarness.json(charset.body()).at("/error/message").asText().contains("latin-1"), charset.body());

        for (String route : List.of("/api/replies", "/api/replies.csv")) {
            var far = service.get(route + "?from=-1000000000-01-01T00:00:00Z", token);
            assertEquals(400, far.statusCode(), far.body());
            assertTrue(ChinwagHarness.json(far.body()).at("/error/message").asText().contains("'from'"), far.body());
        }
    }
}
