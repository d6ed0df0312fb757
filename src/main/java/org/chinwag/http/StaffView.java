package org.chinwag.http;

import java.util.List;
import org.chinwag.accounts.Role;
import org.chinwag.accounts.StaffSession;
import org.chinwag.accounts.StaffUser;

/** What the staff pages' templates ({@code src/main/jte}) are given: one record per page. */
public final class StaffView {

    /**
     * Where the service serves GOV.UK Frontend's files from its WebJar; the version is the pom's
     * {@code govuk-frontend.version} (StaffSignInTest fails if they part).
     */
    public static final String GOVUK = "/webjars/govuk-frontend/5.14.0/dist/govuk";

    private StaffView() {}

    /**
     * What the shared layout needs: the page title, who is signed in (null on the sign-in page),
     * and which navigation item is this page ("" for none).
     */
    public record Frame(String title, StaffSession session, String current, boolean hasErrors) {
        public boolean signedIn() {
            return session != null;
        }

        public boolean admin() {
            return session != null && session.role() == Role.ADMIN;
        }

        public String csrf() {
            return session == null ? "" : session.csrfToken();
        }

        /** GOV.UK's pattern: "Error: " before the title of a page showing errors. */
        public String fullTitle() {
            return (hasErrors ? "Error: " : "") + title + " - Chinwag";
        }
    }

    /** One entry of an error summary, linking to the field at fault. */
    public record Problem(String field, String message) {
        public String href() {
            return "#" + field;
        }
    }

    public record Login(Frame frame, String email, List<Problem> problems, String notice, String csrf) {
        public String error(String field) {
            return problems.stream().filter(p -> p.field().equals(field)).map(Problem::message).findFirst().orElse(null);
        }
    }

    public record Start(Frame frame, Role role) {}

    /** The users page; {@code email} and {@code role} refill the add form after a problem. */
    public record Users(Frame frame, List<StaffUser> users, List<Problem> problems, String notice, String email,
                        String role) {
        public String error(String field) {
            return problems.stream().filter(p -> p.field().equals(field)).map(Problem::message).findFirst().orElse(null);
        }

        public List<Role> roles() {
            return List.of(Role.values());
        }

        public int self() {
            return frame.session().user().id();
        }

        public String created(StaffUser user) {
            return java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy").withZone(java.time.ZoneId.of("Europe/London"))
                    .format(java.time.Instant.ofEpochMilli(user.createdAt()));
        }
    }

    public record Error(Frame frame, int status, String heading, String message) {}
}
