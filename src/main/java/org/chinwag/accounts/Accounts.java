package org.chinwag.accounts;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.chinwag.store.Database;
import org.chinwag.store.Sha256;
import org.chinwag.store.StaffRepository;
import org.chinwag.store.StaffRepository.SessionRow;
import org.chinwag.store.StaffRepository.StaffRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Staff accounts: adding people, their roles, disabling them and resetting passwords (the users
 * page and {@code user add|list|disable|reset-password}), and signing in and out. Sessions live in
 * the database (only a SHA-256 of the cookie is kept), end after {@link #IDLE} without a request
 * and {@link #LIFETIME} after sign-in whatever happens, and each has a CSRF token its forms send
 * back. Sign-in is throttled per account and per address. Every sign-in, failure, sign-out and
 * account change is audited, by account id: logs and the audit hold no password and no email.
 */
public final class Accounts {

    private static final Logger log = LoggerFactory.getLogger(Accounts.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int MAX_EMAIL = 320;

    /** A session ends after this long without a request. */
    public static final Duration IDLE = Duration.ofMinutes(30);
    /** And this long after sign-in, however busy. */
    public static final Duration LIFETIME = Duration.ofHours(12);
    /** Failed sign-ins are counted over this window... */
    public static final Duration THROTTLE_WINDOW = Duration.ofMinutes(15);
    /** ...and this many for one account stop sign-in to it until the oldest leaves the window. */
    public static final int MAX_FAILURES_PER_ACCOUNT = 5;
    /** This many from one address (an office behind one address holds several people). */
    public static final int MAX_FAILURES_PER_ADDRESS = 20;
    /** How fresh a session's last-seen time is kept: at most one write a minute per session. */
    static final Duration TOUCH_GRANULARITY = Duration.ofMinutes(1);

    private final Database database;
    private final Clock clock;

    public Accounts(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    // ---- accounts ----

    /** Adds an account; {@code actorId} is the admin who did it (null: the command line). */
    public StaffUser add(String email, Role role, String password, Integer actorId) {
        String normalised = normaliseEmail(email);
        String problem = Passwords.problem(password, normalised);
        if (problem != null) throw new AccountProblem("password", problem);
        String hash = Passwords.hash(password);
        return database.write(tx -> {
            StaffRepository staff = new StaffRepository(tx);
            long now = clock.millis();
            int id = staff.addUser(normalised, role.id(), hash, now)
                    .orElseThrow(() -> new AccountProblem("email", "There is already an account for that email address."));
            staff.audit(now, actorId, AuditAction.USER_ADDED.id(), id, "role " + role.id() + by(actorId));
            log.info("staff account {} added ({})", id, role.id());
            return new StaffUser(id, normalised, role, false, now);
        });
    }

    /** Every account, by email. */
    public List<StaffUser> list() {
        return new StaffRepository(database.dsl()).users().stream().map(Accounts::user).toList();
    }

    public Optional<StaffUser> byEmail(String email) {
        String normalised = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        return new StaffRepository(database.dsl()).byEmail(normalised).map(Accounts::user);
    }

    /** Gives an account another role (its sessions end); empty when there is no such account. */
    public Optional<StaffUser> changeRole(int id, Role role, Integer actorId) {
        return database.write(tx -> {
            StaffRepository staff = new StaffRepository(tx);
            Optional<StaffRow> row = staff.byId(id);
            if (row.isEmpty()) return Optional.empty();
            Role was = Role.of(row.get().role()).orElse(Role.FACILITATOR);
            if (was == role) return Optional.of(user(row.get()));
            if (was == Role.ADMIN && !row.get().disabled() && staff.activeWithRole(Role.ADMIN.id()) <= 1) {
                throw new AccountProblem("role", "This is the only active admin: make another admin first.");
            }
            long now = clock.millis();
            staff.setRole(id, role.id(), now);
            staff.deleteSessionsOf(id);
            staff.audit(now, actorId, AuditAction.ROLE_CHANGED.id(), id, was.id() + " to " + role.id() + by(actorId));
            log.info("staff account {} role changed from {} to {}", id, was.id(), role.id());
            return staff.byId(id).map(Accounts::user);
        });
    }

    /** Disables an account and ends its sessions; empty when there is no such account. */
    public Optional<StaffUser> disable(int id, Integer actorId) {
        return database.write(tx -> {
            StaffRepository staff = new StaffRepository(tx);
            Optional<StaffRow> row = staff.byId(id);
            if (row.isEmpty()) return Optional.empty();
            if (row.get().disabled()) return Optional.of(user(row.get()));
            if (Role.ADMIN.id().equals(row.get().role()) && staff.activeWithRole(Role.ADMIN.id()) <= 1) {
                throw new AccountProblem(null, "This is the only active admin: make another admin before disabling it.");
            }
            long now = clock.millis();
            staff.disable(id, now);
            staff.deleteSessionsOf(id);
            staff.audit(now, actorId, AuditAction.USER_DISABLED.id(), id, actorId == null ? "command line" : null);
            log.info("staff account {} disabled", id);
            return staff.byId(id).map(Accounts::user);
        });
    }

    /** Sets a new password and ends the account's sessions; empty when there is no such account. */
    public Optional<StaffUser> resetPassword(String email, String password, Integer actorId) {
        Optional<StaffUser> user = byEmail(email);
        if (user.isEmpty()) return Optional.empty();
        String problem = Passwords.problem(password, user.get().email());
        if (problem != null) throw new AccountProblem("password", problem);
        String hash = Passwords.hash(password);
        return database.write(tx -> {
            StaffRepository staff = new StaffRepository(tx);
            long now = clock.millis();
            int id = user.get().id();
            if (!staff.setPasswordHash(id, hash, now)) return Optional.empty();
            staff.deleteSessionsOf(id);
            staff.clearFailures(accountKey(user.get().email()));
            staff.audit(now, actorId, AuditAction.PASSWORD_RESET.id(), id, actorId == null ? "command line" : null);
            log.info("staff account {} password reset", id);
            return staff.byId(id).map(Accounts::user);
        });
    }

    /** The audit trail, newest first. */
    public List<StaffRepository.AuditRow> audit(int limit) {
        return new StaffRepository(database.dsl()).audit(limit);
    }

    // ---- signing in and out ----

    /** What a sign-in came to. */
    public sealed interface SignIn {}

    /** Signed in: {@code cookie} is the new session's secret, for the browser only. */
    public record SignedIn(String cookie, StaffSession session) implements SignIn {}

    /** Wrong email or password, or a disabled account: the page says the same for all three. */
    public record Refused() implements SignIn {}

    /** Too many failures lately, for this account or from this address: try again after {@code retryAfter}. */
    public record Throttled(Duration retryAfter) implements SignIn {}

    /**
     * Checks an email and password from {@code address}. A session the browser already had
     * ({@code previousCookie}, may be null) is ended, so every sign-in starts a new session.
     */
    public SignIn signIn(String email, String password, String address, String previousCookie) {
        String normalised = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        String accountKey = accountKey(normalised);
        String addressKey = "address:" + Sha256.hex(address == null ? "" : address);
        long now = clock.millis();
        StaffRepository reader = new StaffRepository(database.dsl());
        Optional<StaffRow> row = normalised.isEmpty() ? Optional.empty() : reader.byEmail(normalised);
        Integer subject = row.map(StaffRow::id).orElse(null);
        Duration wait = throttled(reader, accountKey, MAX_FAILURES_PER_ACCOUNT, now)
                .or(() -> throttled(reader, addressKey, MAX_FAILURES_PER_ADDRESS, now)).orElse(null);
        if (wait != null) {
            database.write(tx -> {
                new StaffRepository(tx).audit(now, null, AuditAction.SIGN_IN_THROTTLED.id(), subject, null);
                return null;
            });
            log.info("sign-in throttled (account {})", subject == null ? "unknown" : subject);
            return new Throttled(wait);
        }
        boolean right;
        if (row.isPresent()) {
            right = Passwords.matches(password, row.get().passwordHash());
        } else {
            Passwords.decoyCheck(password);
            right = false;
        }
        boolean allowed = right && !row.get().disabled() && Role.of(row.get().role()).isPresent();
        if (!allowed) {
            String detail = row.isEmpty() ? "unknown email" : right ? "account disabled" : "wrong password";
            database.write(tx -> {
                StaffRepository staff = new StaffRepository(tx);
                staff.deleteFailuresBefore(now - THROTTLE_WINDOW.toMillis());
                staff.addFailure(accountKey, now);
                staff.addFailure(addressKey, now);
                staff.audit(now, null, AuditAction.SIGN_IN_FAILED.id(), subject, detail);
                return null;
            });
            log.info("sign-in refused (account {}: {})", subject == null ? "unknown" : subject, detail);
            return new Refused();
        }
        String cookie = secret();
        String csrf = secret();
        StaffUser user = user(row.get());
        database.write(tx -> {
            StaffRepository staff = new StaffRepository(tx);
            if (previousCookie != null) staff.deleteSession(Sha256.hex(previousCookie));
            staff.deleteExpiredSessions(now - IDLE.toMillis(), now - LIFETIME.toMillis());
            staff.addSession(Sha256.hex(cookie), user.id(), csrf, now);
            staff.clearFailures(accountKey);
            staff.audit(now, user.id(), AuditAction.SIGN_IN.id(), user.id(), null);
            return null;
        });
        log.info("staff account {} signed in", user.id());
        return new SignedIn(cookie, new StaffSession(user, csrf, now));
    }

    /**
     * The live session a cookie belongs to, if any: not idle past {@link #IDLE}, not older than
     * {@link #LIFETIME}, its account not disabled. Keeps it alive (its last-seen time, to the minute).
     */
    public Optional<StaffSession> session(String cookie) {
        if (cookie == null || cookie.isBlank() || cookie.length() > 200) return Optional.empty();
        String hash = Sha256.hex(cookie);
        StaffRepository reader = new StaffRepository(database.dsl());
        Optional<SessionRow> row = reader.session(hash);
        if (row.isEmpty()) return Optional.empty();
        long now = clock.millis();
        SessionRow s = row.get();
        Optional<StaffRow> account = reader.byId(s.userId());
        boolean expired = now - s.lastSeenAt() >= IDLE.toMillis() || now - s.createdAt() >= LIFETIME.toMillis();
        if (expired || account.isEmpty() || account.get().disabled() || Role.of(account.get().role()).isEmpty()) {
            database.write(tx -> new StaffRepository(tx).deleteSession(hash));
            return Optional.empty();
        }
        if (now - s.lastSeenAt() >= TOUCH_GRANULARITY.toMillis()) {
            database.write(tx -> {
                new StaffRepository(tx).touchSession(hash, now);
                return null;
            });
        }
        return Optional.of(new StaffSession(user(account.get()), s.csrfToken(), s.createdAt()));
    }

    /** Ends the session a cookie belongs to; false when there was none. */
    public boolean signOut(String cookie) {
        if (cookie == null || cookie.isBlank()) return false;
        String hash = Sha256.hex(cookie);
        return database.write(tx -> {
            StaffRepository staff = new StaffRepository(tx);
            Optional<SessionRow> row = staff.session(hash);
            if (row.isEmpty()) return false;
            staff.deleteSession(hash);
            staff.audit(clock.millis(), row.get().userId(), AuditAction.SIGN_OUT.id(), row.get().userId(), null);
            log.info("staff account {} signed out", row.get().userId());
            return true;
        });
    }

    /** True when {@code given} is the session's CSRF token (compared in constant time). */
    public static boolean csrfMatches(StaffSession session, String given) {
        return session != null && sameSecret(session.csrfToken(), given);
    }

    /** Constant-time comparison of two secrets; false when either is missing. */
    public static boolean sameSecret(String expected, String given) {
        if (expected == null || given == null || expected.isEmpty()) return false;
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    /** 256 random bits, URL-safe: session cookies and CSRF tokens. */
    public static String secret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    // ---- helpers ----

    /** Trimmed and lower-cased, or a problem saying what an email address looks like. */
    static String normaliseEmail(String email) {
        String normalised = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (normalised.isEmpty()) throw new AccountProblem("email", "Enter an email address.");
        if (normalised.length() > MAX_EMAIL || !EMAIL.matcher(normalised).matches()) {
            throw new AccountProblem("email", "Enter an email address in the right format, like name@example.gov.uk.");
        }
        return normalised;
    }

    private static String accountKey(String normalisedEmail) {
        return "account:" + Sha256.hex(normalisedEmail);
    }

    /** How long until the key may try again, when it has had {@code max} failures within the window. */
    private Optional<Duration> throttled(StaffRepository staff, String key, int max, long now) {
        List<Long> failures = staff.failuresSince(key, now - THROTTLE_WINDOW.toMillis());
        if (failures.size() < max) return Optional.empty();
        // the attempt that brings the count back under the limit: when the oldest of the last max leaves the window
        long freeAt = failures.get(failures.size() - max) + THROTTLE_WINDOW.toMillis();
        return Optional.of(Duration.ofMillis(Math.max(freeAt - now, 1000)));
    }

    private static String by(Integer actorId) {
        return actorId == null ? " (command line)" : "";
    }

    private static StaffUser user(StaffRow row) {
        return new StaffUser(row.id(), row.email(), Role.of(row.role()).orElse(Role.FACILITATOR), row.disabled(), row.createdAt());
    }
}
