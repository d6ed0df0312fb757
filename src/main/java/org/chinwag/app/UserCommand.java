package org.chinwag.app;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.chinwag.accounts.AccountProblem;
import org.chinwag.accounts.Accounts;
import org.chinwag.accounts.Role;
import org.chinwag.accounts.StaffUser;
import org.chinwag.store.Database;

/**
 * {@code user add|list|disable|reset-password}: staff accounts from the command line, the way the
 * first admin is made. Passwords are read from standard input (the first line), or asked for twice
 * without echo when standard input is a terminal; never from the command line, where others could read them.
 */
final class UserCommand {

    static final String USAGE = "usage: user add --email E --role admin|analyst|facilitator | user list"
            + " | user disable --email E | user reset-password --email E";

    private UserCommand() {}

    static int run(Settings settings, List<String> args, InputStream in, PrintStream out, PrintStream err) throws IOException {
        String action = args.isEmpty() ? "" : args.get(0);
        String email = option(args, "--email").strip();
        boolean needsEmail = List.of("add", "disable", "reset-password").contains(action);
        if (!(needsEmail || action.equals("list")) || (needsEmail && email.isEmpty())) {
            err.println("chinwag: " + USAGE);
            return 2;
        }
        Optional<Role> role = Role.of(option(args, "--role"));
        if (action.equals("add") && role.isEmpty()) {
            err.println("chinwag: user add needs --role " + Role.choices().replace(" or ", ", ").replace(", ", "|"));
            return 2;
        }
        try (Database db = Database.open(settings.dbUrl())) {
            db.migrate();
            Accounts accounts = new Accounts(db, Clock.systemUTC());
            switch (action) {
                case "list" -> {
                    List<StaffUser> users = accounts.list();
                    if (users.isEmpty()) err.println("No staff accounts yet: add the first with 'user add --email E --role admin'.");
                    for (StaffUser user : users) {
                        out.println(user.email() + "\t" + user.role().id() + "\t" + (user.disabled() ? "disabled" : "active")
                                + "\t" + Instant.ofEpochMilli(user.createdAt()));
                    }
                    return 0;
                }
                case "add" -> {
                    String password = password(in, err, "Password for " + email + ": ");
                    if (password == null) return 1;
                    StaffUser user = accounts.add(email, role.get(), password, null);
                    err.println("Added " + user.email() + " (" + user.role().id() + "). They can sign in at /staff/login.");
                    return 0;
                }
                case "disable" -> {
                    Optional<StaffUser> user = accounts.byEmail(email).flatMap(u -> accounts.disable(u.id(), null));
                    err.println(user.isPresent() ? "Disabled " + user.get().email() + " and ended their sessions."
                            : "No staff account for " + email + ".");
                    return user.isPresent() ? 0 : 1;
                }
                default -> {
                    if (accounts.byEmail(email).isEmpty()) {
                        err.println("No staff account for " + email + ".");
                        return 1;
                    }
                    String password = password(in, err, "New password for " + email + ": ");
                    if (password == null) return 1;
                    accounts.resetPassword(email, password, null);
                    err.println("Password reset for " + email + "; their sessions have ended.");
                    return 0;
                }
            }
        } catch (AccountProblem problem) {
            err.println("chinwag: " + problem.getMessage());
            return 1;
        }
    }

    /** The value after {@code name} in the arguments, or "". */
    static String option(List<String> args, String name) {
        int at = args.indexOf(name);
        return at >= 0 && at + 1 < args.size() ? args.get(at + 1) : "";
    }

    /** Asked for twice at a terminal; otherwise the first line of standard input. Null (said why) when there is none. */
    private static String password(InputStream in, PrintStream err, String prompt) throws IOException {
        Console console = System.console();
        if (console != null && in == System.in) {
            char[] first = console.readPassword("%s", prompt);
            char[] again = console.readPassword("%s", "Again: ");
            if (first == null || again == null || !Arrays.equals(first, again)) {
                err.println("chinwag: the two passwords were not the same; nothing was changed.");
                return null;
            }
            return new String(first);
        }
        String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        if (line == null || line.isEmpty()) {
            err.println("chinwag: no password: type it when asked, or send it on standard input, e.g."
                    + " printf '%s\\n' \"$PASSWORD\" | java -jar chinwag.jar user add ...");
            return null;
        }
        return line;
    }
}
