package org.chinwag.accounts;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Password hashing with bcrypt (at.favre.lib:bcrypt), cost 12; passwords longer than bcrypt's 72
 * bytes are first hashed with SHA-512 rather than cut short. Also the rule new passwords must meet.
 */
public final class Passwords {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 256;
    static final int COST = 12;
    private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2B;
    private static final BCrypt.Hasher HASHER = BCrypt.with(VERSION, LongPasswordStrategies.hashSha512(VERSION));
    private static final BCrypt.Verifyer VERIFYER = BCrypt.verifyer(VERSION, LongPasswordStrategies.hashSha512(VERSION));
    /** Checked against when the email is unknown, so a wrong email takes as long as a wrong password. */
    private static final String DECOY = hash("a decoy password nobody has");
    /** Long enough, and still among the first guesses of anyone trying. */
    private static final Set<String> COMMON = Set.of("password1234", "password12345", "password123456", "123456789012",
            "1234567890123", "qwertyuiop12", "qwertyuiopas", "letmein12345", "welcome12345", "iloveyou1234",
            "changeme1234", "administrator", "passwordpassword", "aaaaaaaaaaaa", "abcdefghijkl", "abc123abc123");

    private Passwords() {}

    public static String hash(String password) {
        return HASHER.hashToString(COST, password.toCharArray());
    }

    public static boolean matches(String password, String hash) {
        if (password == null || hash == null) return false;
        return VERIFYER.verify(password.toCharArray(), hash.getBytes(StandardCharsets.UTF_8)).verified;
    }

    /** Spends the time a real check takes, for an account that does not exist. */
    static void decoyCheck(String password) {
        matches(password == null ? "" : password, DECOY);
    }

    /**
     * The problem with {@code password} as a new password for {@code email}, or null when it is fine:
     * at least 12 characters, at most 256, not a well-known one, not the email address.
     */
    public static String problem(String password, String email) {
        if (password == null || password.isEmpty()) return "Enter a password.";
        if (password.length() < MIN_LENGTH) return "The password must be at least " + MIN_LENGTH + " characters long.";
        if (password.length() > MAX_LENGTH) return "The password must be at most " + MAX_LENGTH + " characters long.";
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower) || password.chars().distinct().count() < 4) {
            return "That password is too easy to guess: choose a longer phrase of words only you would pick.";
        }
        if (email != null) {
            String local = email.toLowerCase(Locale.ROOT).split("@", 2)[0];
            if (lower.equals(email.toLowerCase(Locale.ROOT)) || (local.length() >= 4 && lower.contains(local))) {
                return "The password must not contain the email address.";
            }
        }
        return null;
    }
}
