package org.chinwag.http;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import io.javalin.router.Endpoint;
import java.util.Map;
import java.util.Optional;
import org.chinwag.accounts.Accounts;
import org.chinwag.accounts.StaffSession;
import org.chinwag.tokens.ApiTokens.Caller;

/**
 * Enforces {@link Access} before every route runs. A staff page asked for without a session is
 * redirected to {@code /staff/login}; with a session of the wrong role it answers 403 with a page
 * that shows nothing of what was asked for; every POST from a staff page must carry its session's
 * CSRF token. API routes need a bearer token of the route's scope (401 without one, 403 when
 * read-only). The signed-in staff member and the API caller are left on the request for the route.
 */
public final class Gatekeeper {

    static final String SESSION_COOKIE = "chinwag_staff";
    static final String CSRF_FIELD = "csrf";
    private static final String STAFF = "chinwag.staff";

    private final Accounts accounts;
    private final BearerAuth tokens;
    private final boolean httpsPublic;

    /**
     * @param accounts    staff sign-in (null only where no staff route is served)
     * @param tokens      API tokens (null only where no API route is served)
     * @param httpsPublic the public address is https: cookies are marked Secure
     */
    public Gatekeeper(Accounts accounts, BearerAuth tokens, boolean httpsPublic) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.httpsPublic = httpsPublic;
    }

    /** Cookies are Secure when the public address is https or the request came over https. */
    boolean secure(Context ctx) {
        return httpsPublic || "https".equalsIgnoreCase(ctx.scheme()) || HttpServer.viaHttps(ctx.header("X-Forwarded-Proto"));
    }

    void check(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        if (endpoint == null) return;
        Optional<Access.Rule> rule = Access.rule(ctx.method().name(), endpoint.path);
        if (rule.isEmpty()) throw new ForbiddenResponse("This route has no access rule.", Map.of());
        Access.Rule needs = rule.get();
        if (needs instanceof Access.Token token) {
            Caller caller = tokens.caller(ctx);
            if (!caller.scope().covers(token.scope())) {
                throw new ForbiddenResponse("This API token is read-only: this request changes data, so it needs a token "
                        + "made with 'token create --name NAME --scope write'.", Map.of());
            }
        } else if (needs instanceof Access.Staff staff) {
            Optional<StaffSession> session = accounts.session(ctx.cookie(SESSION_COOKIE));
            if (session.isEmpty()) {
                ctx.redirect("/staff/login", HttpStatus.SEE_OTHER);
                ctx.skipRemainingHandlers();
                return;
            }
            if (!staff.roles().contains(session.get().role())) {
                throw new ForbiddenResponse("Your account does not give you access to this page. Ask an admin if you need it.",
                        Map.of());
            }
            if (ctx.method().name().equals("POST") && !Accounts.csrfMatches(session.get(), StaffForms.field(ctx, CSRF_FIELD))) {
                throw new ForbiddenResponse("This form had expired. Go back, reload the page and try again.", Map.of());
            }
            ctx.attribute(STAFF, session.get());
        }
        // Open and OwnCheck routes go on: the latter check their own credential
    }

    /** The signed-in staff member, on a route whose rule is {@link Access.Staff}. */
    static StaffSession staff(Context ctx) {
        StaffSession session = ctx.attribute(STAFF);
        if (session == null) throw new IllegalStateException("no staff session on " + ctx.path());
        return session;
    }

    /**
     * A staff page saying what went wrong, with the signed-in parts of the layout when the request
     * carries a live session (and without them when even that cannot be checked).
     */
    String errorPage(Context ctx, int status, String message) {
        StaffSession session = null;
        try {
            if (accounts != null) session = accounts.session(ctx.cookie(SESSION_COOKIE)).orElse(null);
        } catch (RuntimeException e) {
            // the error page must render even when the database does not answer
        }
        return Pages.error(new StaffView.Frame("Error", session, "", false), status, message);
    }
}
