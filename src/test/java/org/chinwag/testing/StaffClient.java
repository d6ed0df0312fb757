package org.chinwag.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A staff member's browser without the browser: keeps cookies, follows no redirects (tests look
 * at them), and sends back the CSRF token of the last page it read with every form it posts.
 */
public final class StaffClient {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"");

    private final RunningService service;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private String csrf = "";

    StaffClient(RunningService service) {
        this.service = service;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Reads the sign-in page and posts the form; the answer is a 303 to /staff when it worked. */
    public HttpResponse<String> signIn(String email, String password) {
        get("/staff/login");
        return post("/staff/login", Map.of("email", email, "password", password));
    }

    /** As {@link #signIn}, failing unless it worked. */
    public StaffClient signedIn(String email, String password) {
        HttpResponse<String> answer = signIn(email, password);
        if (answer.statusCode() != 303 || !answer.headers().firstValue("Location").orElse("").equals("/staff")) {
            throw new AssertionError("sign-in failed: " + answer.statusCode() + " " + answer.body());
        }
        get("/staff");
        return this;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(service.url(path))).GET());
    }

    /** Posts a form with the CSRF token of the last page read (unless {@code fields} has one of its own). */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf", csrf);
        form.putAll(fields);
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(service.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Any method, as this signed-in browser (cookies and all): for the access table. */
    public HttpResponse<String> request(String method, String path, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.url(path)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request);
    }

    /** The CSRF token the last page carried. */
    public String csrf() {
        return csrf;
    }

    /** The session cookie's value (null when signed out). */
    public String sessionCookie() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("chinwag_staff"))
                .map(java.net.HttpCookie::getValue).filter(v -> !v.isEmpty()).findFirst().orElse(null);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher token = CSRF.matcher(response.body());
            if (token.find()) csrf = token.group(1);
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
