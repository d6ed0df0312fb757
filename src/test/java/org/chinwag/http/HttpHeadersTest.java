package org.chinwag.http;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.chinwag.testing.ChinwagHarness;
import static org.chinwag.store.schema.Tables.API_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.chinwag.testing.MovableClock;
import org.chinwag.testing.RunningService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HEAD is checked as GET is, the headers every response carries, and tokens' last use. */
class HttpHeadersTest {

    static final MovableClock clock = new MovableClock();
    @RegisterExtension static final ChinwagHarness chinwag = ChinwagHarness.web().clock(clock).build();
    /** A service of its own with an https public address. */
    @RegisterExtension final ChinwagHarness https = ChinwagHarness.web().setting("CHINWAG_PUBLIC_URL", "https://chat.example.org/")
            .startLater().build();
    static RunningService service;
    static String token;

    @BeforeAll
    static void start() {
        service = chinwag.service();
        token = service.createToken("headers");
        service.consentAndAnswer("5550002222", "The library closes too early");
    }

    static HttpResponse<String> send(String method, String path, Map<String, String> headers) {
        return service.request(method, path, headers, null);
    }

    static Map<String, String> bearer() {
        return Map.of("Authorization", "Bearer " + token);
    }

    @Test
    void headOnEveryApiGetRouteIsCheckedExactlyAsGet() {
        String pseudonym = service.service().database().dsl().fetchValue("select pseudonym from participant").toString();
        List<HttpServer.Route> gets = service.service().routes().stream()
                .filter(r -> r.method().equals("GET") && r.path().startsWith("/api/")).toList();
        assertTrue(gets.size() >= 4, gets.toString());
        for (HttpServer.Route route : gets) {
            String path = route.path().replace("{pseudonym}", pseudonym).replaceAll("\\{[^}]+}", "1");
            for (Map<String, String> auth : List.of(Map.<String, String>of(), Map.of("Authorization", "Bearer cw_wrong"), bearer())) {
                int get = send("GET", path, auth).statusCode();
                HttpResponse<String> head = send("HEAD", path, auth);
                assertEquals(get, head.statusCode(), "HEAD " + path + " with " + auth.keySet() + " answers as GET does");
                assertEquals("", head.body(), "HEAD has no body");
            }
            assertEquals(401, send("HEAD", path, Map.of()).statusCode(), "HEAD " + path + " needs a token");
        }
    }

    @Test
    void everyResponseSaysNosniffAndApiAnswersAreNeverCached() {
        for (String path : List.of("/", "/chat", "/static/chat.js", "/static/no-such-file.js", "/health", "/ready",
                "/api/replies", "/api/safeguarding", "/nothing-here")) {
            for (Map<String, String> auth : List.of(Map.<String, String>of(), bearer())) {
                HttpResponse<String> response = send("GET", path, auth);
                assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(null),
                        path + " " + response.statusCode());
                if (path.startsWith("/api/")) {
                    assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null),
                            path + " " + response.statusCode());
                }
            }
        }
        HttpResponse<String> malformed = send("GET", "/api/a%00b", Map.of());
        assertEquals(400, malformed.statusCode(), "refused by the server before any route");
        assertEquals("nosniff", malformed.headers().firstValue("X-Content-Type-Options").orElse(null));
        assertTrue(ChinwagHarness.json(malformed.body()).at("/error/message").asText().length() > 1, malformed.body());
        assertEquals("close", malformed.headers().firstValue("Connection").orElse(null),
                "Jetty drops the line after an unparsable request, so the client must not reuse it for the next one");
        HttpResponse<String> refused = service.post("/api/classify", "application/json; charset=latin-1", "{}", bearer());
        assertEquals("nosniff", refused.headers().firstValue("X-Content-Type-Options").orElse(null));
        assertEquals("no-store", refused.headers().firstValue("Cache-Control").orElse(null));
    }

    @Test
    void hstsOnlyWhenReachedOverHttps() {
        assertTrue(send("GET", "/health", Map.of()).headers().firstValue("Strict-Transport-Security").isEmpty(),
                "plain HTTP with no https public address: no HSTS");
        for (String path : List.of("/", "/static/chat.js", "/api/replies", "/health")) {
            HttpResponse<String> proxied = send("GET", path, Map.of("X-Forwarded-Proto", "https"));
            assertEquals(HttpServer.HSTS, proxied.headers().firstValue("Strict-Transport-Security").orElse(null), path);
        }
        assertTrue(send("GET", "/health", Map.of("X-Forwarded-Proto", "http")).headers()
                .firstValue("Strict-Transport-Security").isEmpty());
    }

    @Test
    void anHttpsPublicAddressMeansHstsOnEveryResponse() {
        RunningService behindHttps = https.start();
        for (String path : List.of("/", "/static/chat.js", "/api/replies", "/nothing-here")) {
            HttpResponse<String> response = behindHttps.request("GET", path, Map.of(), null);
            assertEquals(HttpServer.HSTS, response.headers().firstValue("Strict-Transport-Security").orElse(null), path);
        }
    }

    @Test
    void aTokensLastUseIsRecordedAtMostOnceAMinute() {
        String watched = service.createToken("last-used");
        var db = service.service().database().dsl();
        var lastUsed = API_TOKEN.LAST_USED_AT;
        assertNull(db.select(lastUsed).from(API_TOKEN).where(API_TOKEN.NAME.eq("last-used")).fetchOne().value1());

        long first = clock.millis();
        assertEquals(200, service.get("/api/replies", watched).statusCode());
        assertEquals(first, db.select(lastUsed).from(API_TOKEN).where(API_TOKEN.NAME.eq("last-used")).fetchOne().value1());

        clock.advance(Duration.ofSeconds(30));
        assertEquals(200, service.get("/api/replies", watched).statusCode());
        assertEquals(first, db.select(lastUsed).from(API_TOKEN).where(API_TOKEN.NAME.eq("last-used")).fetchOne().value1(),
                "within the minute: no new write");

        clock.advance(Duration.ofSeconds(31));
        long later = clock.millis();
        assertEquals(200, service.get("/api/safeguarding", watched).statusCode());
        assertEquals(later, db.select(lastUsed).from(API_TOKEN).where(API_TOKEN.NAME.eq("last-used")).fetchOne().value1());

        clock.advance(Duration.ofMinutes(5));
        assertEquals(401, service.get("/api/replies", "cw_not-a-token").statusCode());
        assertEquals(later, db.select(lastUsed).from(API_TOKEN).where(API_TOKEN.NAME.eq("last-used")).fetchOne().value1(),
                "another token's failure changes nothing");
    }
}
