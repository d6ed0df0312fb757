package org.chinwag.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.chinwag.store.Database;
import org.chinwag.store.StaffRepository.AuditRow;
import org.chinwag.testing.MovableClock;
import org.chinwag.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The accounts service on a real database and the tests' own clock: hashing, throttling, sessions, CSRF, audit. */
class AccountsTest {

    static final String PASSWORD = "correct horse battery";
    static final String ADDRESS = "192.0.2.10";

    @TempDir Path dir;
    Database db;
    final MovableClock clock = new MovableClock();
    Accounts accounts;

    @BeforeEach
    void open() {
        db = Database.open(TestDatabase.url(dir));
        db.migrate();
        accounts = new Accounts(db, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Accounts.SignedIn signIn(String email, String password) {
        return assertInstanceOf(Accounts.SignedIn.class, accounts.signIn(email, password, ADDRESS, null));
    }

    @Test
    void passwordsAreStoredAsBcryptHashesAndLongOnesAreNotCutShort() {
        StaffUser user = accounts.add("  Ada@Example.GOV.uk ", Role.ADMIN, PASSWORD, null);
        assertEquals("ada@example.gov.uk", user.email(), "emails are kept trimmed and lower-cased");
        String stored = db.dsl().fetchValue("select password_hash from staff_user").toString();
        assertTrue(stored.startsWith("$2b$12$"), stored);
        assertFalse(stored.contains(PASSWORD));
        assertTrue(Passwords.matches(PASSWORD, stored));
        assertFalse(Passwords.matches(PASSWORD + "!", stored));
        String longOne = "x".repeat(72);
        String hash = Passwords.hash(longOne + "a");
        assertTrue(Passwords.matches(longOne + "a", hash));
        assertFalse(Passwords.matches(longOne + "b", hash), "past bcrypt's 72 bytes every character still counts");
        assertNotEquals(Passwords.hash(PASSWORD), Passwords.hash(PASSWORD), "salted");
    }

    @Test
    void weakPasswordsAndBadEmailsAreRefusedSayingWhy() {
        assertTrue(Passwords.problem("short", "a@b.uk").contains("at least 12"));
        assertTrue(Passwords.problem("password1234", "a@b.uk").contains("too easy"));
        assertTrue(Passwords.problem("aaaaaaaaaaaaaaa", "a@b.uk").contains("too easy"));
        assertTrue(Passwords.problem("maryjones-2026!", "maryjones@leeds.gov.uk").contains("email"));
        assertNull(Passwords.problem(PASSWORD, "a@b.uk"));
        AccountProblem weak = assertThrows(AccountProblem.class, () -> accounts.add("a@b.uk", Role.ANALYST, "short", null));
        assertEquals("password", weak.field());
        AccountProblem email = assertThrows(AccountProblem.class, () -> accounts.add("not an email", Role.ANALYST, PASSWORD, null));
        assertEquals("email", email.field());
        accounts.add("a@b.uk", Role.ANALYST, PASSWORD, null);
        assertThrows(AccountProblem.class, () -> accounts.add("A@B.uk", Role.ANALYST, PASSWORD, null), "one account per email");
    }

    @Test
    void signInGivesANewSessionWhoseCookieIsStoredOnlyAsAHash() {
        accounts.add("ada@example.gov.uk", Role.ANALYST, PASSWORD, null);
        Accounts.SignedIn first = signIn("ADA@example.gov.uk ", PASSWORD);
        assertEquals(Role.ANALYST, accounts.session(first.cookie()).orElseThrow().role());
        assertEquals(0, db.dsl().fetchCount(db.dsl().selectFrom("staff_session").where("token_hash = ?", first.cookie())));

        // signing in again from the same browser rotates the session: the old cookie is dead
        Accounts.SignedIn second = assertInstanceOf(Accounts.SignedIn.class,
                accounts.signIn("ada@example.gov.uk", PASSWORD, ADDRESS, first.cookie()));
        assertNotEquals(first.cookie(), second.cookie());
        assertTrue(accounts.session(first.cookie()).isEmpty());
        assertNotEquals(first.session().csrfToken(), second.session().csrfToken());

        assertTrue(accounts.signOut(second.cookie()));
        assertTrue(accounts.session(second.cookie()).isEmpty());
        assertFalse(accounts.signOut(second.cookie()));
    }

    @Test
    void aWrongPasswordAnUnknownEmailAndADisabledAccountAreRefusedAlike() {
        StaffUser user = accounts.add("ada@example.gov.uk", Role.ANALYST, PASSWORD, null);
        accounts.add("admin@example.gov.uk", Role.ADMIN, PASSWORD, null);
        assertInstanceOf(Accounts.Refused.class, accounts.signIn("ada@example.gov.uk", "wrong password!", ADDRESS, null));
        assertInstanceOf(Accounts.Refused.class, accounts.signIn("nobody@example.gov.uk", PASSWORD, ADDRESS, null));
        accounts.disable(user.id(), null);
        assertInstanceOf(Accounts.Refused.class, accounts.signIn("ada@example.gov.uk", PASSWORD, ADDRESS, null));
    }

    @Test
    void sessionsEndAfterThirtyIdleMinutesAndTwelveHoursWhateverHappens() {
        accounts.add("ada@example.gov.uk", Role.ANALYST, PASSWORD, null);
        String cookie = signIn("ada@example.gov.uk", PASSWORD).cookie();
        clock.advance(Accounts.IDLE.minusMinutes(1));
        assertTrue(accounts.session(cookie).isPresent(), "29 minutes idle: still signed in, and kept alive");
        clock.advance(Accounts.IDLE.minusMinutes(1));
        assertTrue(accounts.session(cookie).isPresent(), "each request restarts the idle clock");
        clock.advance(Accounts.IDLE.plusSeconds(1));
        assertTrue(accounts.session(cookie).isEmpty(), "over 30 minutes idle: signed out");

        String busy = signIn("ada@example.gov.uk", PASSWORD).cookie();
        for (Duration spent = Duration.ZERO; spent.compareTo(Accounts.LIFETIME) < 0; spent = spent.plusMinutes(20)) {
            assertTrue(accounts.session(busy).isPresent(), "busy for " + spent);
            clock.advance(Duration.ofMinutes(20));
        }
        assertTrue(accounts.session(busy).isEmpty(), "12 hours after sign-in: signed out however busy");
    }

    @Test
    void fiveFailuresForOneAccountMakeItWaitUntilTheFirstIsFifteenMinutesOld() {
        accounts.add("ada@example.gov.uk", Role.ANALYST, PASSWORD, null);
        for (int i = 0; i < Accounts.MAX_FAILURES_PER_ACCOUNT; i++) {
            assertInstanceOf(Accounts.Refused.class, accounts.signIn("ada@example.gov.uk", "wrong password " + i, "198.51.100." + i, null));
            clock.advance(Duration.ofMinutes(1));
        }
        Accounts.Throttled throttled = assertInstanceOf(Accounts.Throttled.class,
                accounts.signIn("ada@example.gov.uk", PASSWORD, ADDRESS, null), "even the right password waits");
        assertEquals(Duration.ofMinutes(10), throttled.retryAfter());
        clock.advance(Duration.ofMinutes(10));
        signIn("ada@example.gov.uk", PASSWORD);
        assertInstanceOf(Accounts.Refused.class, accounts.signIn("ada@example.gov.uk", "wrong again!", ADDRESS, null),
                "a sign-in clears the account's failures");
    }

    @Test
    void oneAddressTryingManyAccountsIsThrottledToo() {
        accounts.add("ada@example.gov.uk", Role.ANALYST, PASSWORD, null);
        for (int i = 0; i < Accounts.MAX_FAILURES_PER_ADDRESS; i++) {
            accounts.signIn("guess" + i + "@example.gov.uk", "wrong password", ADDRESS, null);
        }
        assertInstanceOf(Accounts.Throttled.class, accounts.signIn("ada@example.gov.uk", PASSWORD, ADDRESS, null));
        assertInstanceOf(Accounts.SignedIn.class, accounts.signIn("ada@example.gov.uk", PASSWORD, "203.0.113.5", null),
                "from another address: fine");
    }

    @Test
    void csrfTokensAreCheckedInConstantTimeAndNeverMatchNothing() {
        accounts.add("ada@example.gov.uk", Role.ANALYST, PASSWORD, null);
        StaffSession session = signIn("ada@example.gov.uk", PASSWORD).session();
        assertTrue(Accounts.csrfMatches(session, session.csrfToken()));
        assertFalse(Accounts.csrfMatches(session, session.csrfToken() + "x"));
        assertFalse(Accounts.csrfMatches(session, ""));
        assertFalse(Accounts.csrfMatches(session, null));
        assertFalse(Accounts.csrfMatches(null, session.csrfToken()));
        assertFalse(Accounts.sameSecret("", ""));
        assertTrue(session.csrfToken().length() >= 43, "256 random bits");
    }

    @Test
    void roleChangesDisablingAndResetsEndSessionsAndTheLastAdminStays() {
        StaffUser admin = accounts.add("admin@example.gov.uk", Role.ADMIN, PASSWORD, null);
        StaffUser ada = accounts.add("ada@example.gov.uk", Role.ANALYST, PASSWORD, null);
        String cookie = signIn("ada@example.gov.uk", PASSWORD).cookie();
        assertEquals(Role.FACILITATOR, accounts.changeRole(ada.id(), Role.FACILITATOR, admin.id()).orElseThrow().role());
        assertTrue(accounts.session(cookie).isEmpty(), "a new role means signing in again");

        assertThrows(AccountProblem.class, () -> accounts.changeRole(admin.id(), Role.ANALYST, admin.id()));
        assertThrows(AccountProblem.class, () -> accounts.disable(admin.id(), admin.id()));
        assertTrue(accounts.changeRole(999, Role.ADMIN, admin.id()).isEmpty());

        cookie = signIn("ada@example.gov.uk", PASSWORD).cookie();
        accounts.resetPassword("ada@example.gov.uk", "a whole new passphrase", null);
        assertTrue(accounts.session(cookie).isEmpty());
        assertInstanceOf(Accounts.Refused.class, accounts.signIn("ada@example.gov.uk", PASSWORD, ADDRESS, null));
        cookie = signIn("ada@example.gov.uk", "a whole new passphrase").cookie();
        accounts.disable(ada.id(), admin.id());
        assertTrue(accounts.session(cookie).isEmpty());
        assertTrue(accounts.list().stream().filter(u -> u.id() == ada.id()).findFirst().orElseThrow().disabled());
    }

    @Test
    void everySignInFailureSignOutAndAccountChangeIsAuditedByIdWithNoPasswordOrEmail() {
        StaffUser admin = accounts.add("admin@example.gov.uk", Role.ADMIN, PASSWORD, null);
        StaffUser ada = accounts.add("ada@example.gov.uk", Role.ANALYST, PASSWORD, admin.id());
        accounts.signIn("ada@example.gov.uk", "not-the-right-one", ADDRESS, null);
        accounts.signIn("nobody@example.gov.uk", "not-the-right-one", ADDRESS, null);
        accounts.signOut(signIn("ada@example.gov.uk", PASSWORD).cookie());
        accounts.changeRole(ada.id(), Role.FACILITATOR, admin.id());
        accounts.resetPassword("ada@example.gov.uk", "a whole new passphrase", admin.id());
        accounts.disable(ada.id(), admin.id());

        List<AuditRow> audit = new java.util.ArrayList<>(accounts.audit(100));
        java.util.Collections.reverse(audit);
        assertEquals(List.of("user_added", "user_added", "sign_in_failed", "sign_in_failed", "sign_in", "sign_out",
                "role_changed", "password_reset", "user_disabled"), audit.stream().map(AuditRow::action).toList());
        assertNull(audit.get(0).actorId(), "the first admin came from the command line");
        assertEquals(admin.id(), audit.get(1).actorId());
        assertEquals(ada.id(), audit.get(2).subjectId());
        assertNull(audit.get(3).subjectId(), "an unknown email names no account");
        assertEquals("analyst to facilitator", audit.get(6).detail());
        String everything = db.dsl().fetch("select * from staff_audit").formatCSV();
        assertFalse(everything.contains("@"), everything);
        assertFalse(everything.contains("not-the-right-one"), everything);
        assertFalse(everything.contains(PASSWORD), everything);
    }
}
