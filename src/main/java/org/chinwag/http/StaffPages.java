package org.chinwag.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.SameSite;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chinwag.accounts.AccountProblem;
import org.chinwag.accounts.Accounts;
import org.chinwag.accounts.Role;
import org.chinwag.accounts.StaffSession;
import org.chinwag.http.StaffView.Frame;
import org.chinwag.http.StaffView.Problem;

/**
 * The staff pages: sign-in and sign-out, the start page, and the users page for admins. Who may
 * see each is in {@link Access}; {@link Gatekeeper} has checked it (and the CSRF token of every
 * POST) before a handler here runs. Pages are GOV.UK Frontend components written out in jte
 * templates ({@code src/main/jte}).
 */
public final class StaffPages implements HttpServer.RouteSet {

    /** The sign-in form's own CSRF token, before there is a session: a cookie the form must repeat. */
    static final String LOGIN_COOKIE = "chinwag_login";
    private static final String GENERIC_REFUSAL = "Enter a correct email address and password.";

    private final Accounts accounts;
    private final Gatekeeper gate;

    public StaffPages(Accounts accounts, Gatekeeper gate) {
        this.accounts = accounts;
        this.gate = gate;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/staff/login", this::loginPage);
        routes.post("/staff/login", this::signIn);
        routes.post("/staff/logout", this::signOut);
        routes.get("/staff", this::start);
        routes.get("/staff/users", this::users);
        routes.post("/staff/users", this::addUser);
        routes.post("/staff/users/{id}/role", this::changeRole);
        routes.post("/staff/users/{id}/disable", this::disable);
    }

    // ---- signing in and out ----

    private void loginPage(Context ctx) {
        if (accounts.session(ctx.cookie(Gatekeeper.SESSION_COOKIE)).isPresent()) {
            ctx.redirect("/staff", HttpStatus.SEE_OTHER);
            return;
        }
        String notice = ctx.queryParam("signed-out") != null ? "You have signed out." : null;
        showLogin(ctx, 200, "", List.of(), notice);
    }

    private void showLogin(Context ctx, int status, String email, List<Problem> problems, String notice) {
        String token = Accounts.secret();
        ctx.cookie(cookie(ctx, LOGIN_COOKIE, token, "/staff/login", -1));
        ctx.status(status).html(Pages.render("login.jte",
                new StaffView.Login(new Frame("Sign in", null, "", !problems.isEmpty()), email, problems, notice, token)));
    }

    private void signIn(Context ctx) {
        String email = orEmpty(StaffForms.field(ctx, "email")).strip();
        String password = orEmpty(StaffForms.field(ctx, "password"));
        if (!Accounts.sameSecret(ctx.cookie(LOGIN_COOKIE), StaffForms.field(ctx, Gatekeeper.CSRF_FIELD))) {
            showLogin(ctx, 400, email, List.of(new Problem("email",
                    "The sign-in form had expired. Enter your email address and password again.")), null);
            return;
        }
        List<Problem> problems = new ArrayList<>();
        if (email.isEmpty()) problems.add(new Problem("email", "Enter your email address."));
        if (password.isEmpty()) problems.add(new Problem("password", "Enter your password."));
        if (!problems.isEmpty()) {
            showLogin(ctx, 400, email, problems, null);
            return;
        }
        Accounts.SignIn outcome = accounts.signIn(email, password, HttpServer.clientAddress(ctx),
                ctx.cookie(Gatekeeper.SESSION_COOKIE));
        if (outcome instanceof Accounts.SignedIn signedIn) {
            ctx.cookie(cookie(ctx, Gatekeeper.SESSION_COOKIE, signedIn.cookie(), "/staff", -1));
            ctx.cookie(cookie(ctx, LOGIN_COOKIE, "", "/staff/login", 0));
            ctx.redirect("/staff", HttpStatus.SEE_OTHER);
        } else if (outcome instanceof Accounts.Throttled throttled) {
            long minutes = Math.max(1, (throttled.retryAfter().toSeconds() + 59) / 60);
            ctx.header("Retry-After", String.valueOf(throttled.retryAfter().toSeconds()));
            showLogin(ctx, 429, email, List.of(new Problem("email", "There have been too many attempts to sign in. Wait "
                    + minutes + (minutes == 1 ? " minute" : " minutes") + " and try again.")), null);
        } else {
            // the same words whether the email is unknown, the password wrong or the account disabled
            showLogin(ctx, 401, email, List.of(new Problem("email", GENERIC_REFUSAL)), null);
        }
    }

    private void signOut(Context ctx) {
        accounts.signOut(ctx.cookie(Gatekeeper.SESSION_COOKIE));
        ctx.cookie(cookie(ctx, Gatekeeper.SESSION_COOKIE, "", "/staff", 0));
        ctx.redirect("/staff/login?signed-out", HttpStatus.SEE_OTHER);
    }

    /** HttpOnly, SameSite=Lax, and Secure whenever the service is reached over HTTPS. */
    private Cookie cookie(Context ctx, String name, String value, String path, int maxAge) {
        return new Cookie(name, value, path, maxAge, gate.secure(ctx), true, null, SameSite.LAX);
    }

    // ---- the start page ----

    private void start(Context ctx) {
        StaffSession session = Gatekeeper.staff(ctx);
        ctx.html(Pages.render("start.jte", new StaffView.Start(new Frame("Start", session, "home", false), session.role())));
    }

    // ---- users (admins) ----

    private void users(Context ctx) {
        String done = ctx.queryParam("done");
        String notice = done == null ? null : switch (done) {
            case "added" -> "User added.";
            case "role" -> "Role changed. They need to sign in again.";
            case "disabled" -> "User disabled. They have been signed out.";
            default -> null;
        };
        showUsers(ctx, 200, List.of(), notice, "", "");
    }

    private void showUsers(Context ctx, int status, List<Problem> problems, String notice, String email, String role) {
        StaffSession session = Gatekeeper.staff(ctx);
        ctx.status(status).html(Pages.render("users.jte", new StaffView.Users(
                new Frame("Users", session, "users", !problems.isEmpty()), accounts.list(), problems, notice, email, role)));
    }

    private void addUser(Context ctx) {
        StaffSession session = Gatekeeper.staff(ctx);
        String email = orEmpty(StaffForms.field(ctx, "email")).strip();
        String roleId = orEmpty(StaffForms.field(ctx, "role"));
        String password = orEmpty(StaffForms.field(ctx, "password"));
        Optional<Role> role = Role.of(roleId);
        if (role.isEmpty()) {
            showUsers(ctx, 400, List.of(new Problem("role", "Choose a role: " + Role.choices() + ".")), null, email, roleId);
            return;
        }
        try {
            accounts.add(email, role.get(), password, session.user().id());
            ctx.redirect("/staff/users?done=added", HttpStatus.SEE_OTHER);
        } catch (AccountProblem problem) {
            showUsers(ctx, 400, List.of(asProblem(problem, "email")), null, email, roleId);
        }
    }

    private void changeRole(Context ctx) {
        StaffSession session = Gatekeeper.staff(ctx);
        int id = userId(ctx);
        Optional<Role> role = Role.of(StaffForms.field(ctx, "role"));
        if (role.isEmpty()) {
            showUsers(ctx, 400, List.of(new Problem("role-" + id, "Choose a role: " + Role.choices() + ".")), null, "", "");
            return;
        }
        try {
            accounts.changeRole(id, role.get(), session.user().id()).orElseThrow(StaffPages::noSuchUser);
            ctx.redirect("/staff/users?done=role", HttpStatus.SEE_OTHER);
        } catch (AccountProblem problem) {
            showUsers(ctx, 400, List.of(new Problem("role-" + id, problem.getMessage())), null, "", "");
        }
    }

    private void disable(Context ctx) {
        StaffSession session = Gatekeeper.staff(ctx);
        int id = userId(ctx);
        try {
            accounts.disable(id, session.user().id()).orElseThrow(StaffPages::noSuchUser);
            ctx.redirect("/staff/users?done=disabled", HttpStatus.SEE_OTHER);
        } catch (AccountProblem problem) {
            showUsers(ctx, 400, List.of(new Problem("role-" + id, problem.getMessage())), null, "", "");
        }
    }

    private static int userId(Context ctx) {
        try {
            return Integer.parseInt(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw noSuchUser();
        }
    }

    private static NotFoundResponse noSuchUser() {
        return new NotFoundResponse("There is no such user.", Map.of());
    }

    private static Problem asProblem(AccountProblem problem, String fallbackField) {
        return new Problem(problem.field() == null ? fallbackField : problem.field(), problem.getMessage());
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
