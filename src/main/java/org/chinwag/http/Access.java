package org.chinwag.http;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.chinwag.accounts.Role;
import org.chinwag.tokens.Scope;

/**
 * Who may call each route, in one place. The server refuses to start with a route that has no
 * rule here ({@link HttpServer#create}), and {@link Gatekeeper} enforces the rule before the route
 * runs: a staff page without a session redirects to sign-in, with the wrong role answers 403; an
 * API route without a token answers 401, with a read-only token on a route that changes data 403.
 */
public final class Access {

    /** What a route needs. */
    public sealed interface Rule {}

    /** Anyone: liveness, readiness, the sign-in page. */
    public record Open() implements Rule {}

    /** The route checks a credential of its own (the web chat's session header, Telegram's webhook secret). */
    public record OwnCheck(String what) implements Rule {}

    /** An API token with at least this scope. */
    public record Token(Scope scope) implements Rule {}

    /** A signed-in staff member with one of these roles. */
    public record Staff(Set<Role> roles) implements Rule {}

    private static final Rule OPEN = new Open();
    private static final Rule READ = new Token(Scope.READ);
    private static final Rule WRITE = new Token(Scope.WRITE);
    private static final Rule ANY_STAFF = new Staff(EnumSet.allOf(Role.class));
    private static final Rule ADMIN = new Staff(EnumSet.of(Role.ADMIN));

    /** "METHOD path" to its rule; HEAD follows GET. */
    private static final Map<String, Rule> RULES = new LinkedHashMap<>();

    static {
        RULES.put("GET /health", OPEN);
        RULES.put("GET /ready", OPEN);
        RULES.put("GET /", new OwnCheck("the web chat page: the chat's API checks its session"));
        RULES.put("GET /chat", new OwnCheck("the web chat page: the chat's API checks its session"));
        RULES.put("POST /chat/api/session", new OwnCheck("opens a web chat session (rate-limited per address)"));
        RULES.put("GET /chat/api/messages", new OwnCheck("the web chat session header"));
        RULES.put("POST /chat/api/messages", new OwnCheck("the web chat session header"));
        RULES.put("POST /telegram/webhook", new OwnCheck("Telegram's secret token header"));
        RULES.put("GET /api/replies", READ);
        RULES.put("GET /api/replies.csv", READ);
        RULES.put("PUT /api/replies/{id}/themes", WRITE);
        RULES.put("GET /api/participants/{pseudonym}", READ);
        RULES.put("DELETE /api/participants/{pseudonym}", WRITE);
        RULES.put("POST /api/classify", READ);
        RULES.put("GET /api/safeguarding", READ);
        RULES.put("POST /api/safeguarding/{id}/acknowledge", WRITE);
        RULES.put("GET /staff/login", OPEN);
        RULES.put("POST /staff/login", OPEN);
        RULES.put("POST /staff/logout", ANY_STAFF);
        RULES.put("GET /staff", ANY_STAFF);
        RULES.put("GET /staff/users", ADMIN);
        RULES.put("POST /staff/users", ADMIN);
        RULES.put("POST /staff/users/{id}/role", ADMIN);
        RULES.put("POST /staff/users/{id}/disable", ADMIN);
    }

    private Access() {}

    /** The rule for a route (HEAD as GET); empty when the route has none, which the server refuses. */
    public static Optional<Rule> rule(String method, String path) {
        String asked = method.equalsIgnoreCase("HEAD") ? "GET" : method.toUpperCase(java.util.Locale.ROOT);
        return Optional.ofNullable(RULES.get(asked + " " + path));
    }

    /** Staff pages (HTML, errors as pages, sign-in by redirect) rather than JSON routes. */
    public static boolean isPage(String path) {
        return path.equals("/staff") || path.startsWith("/staff/");
    }
}
