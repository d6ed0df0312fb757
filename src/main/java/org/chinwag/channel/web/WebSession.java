package org.chinwag.channel.web;

import java.security.SecureRandom;
import java.util.Base64;
import org.chinwag.webchat.WebChatSessions;

/**
 * A web chat session: a random secret the browser keeps, standing in for an account. The database
 * holds only its SHA-256 (as the participant's channel id), so someone with a copy of the database
 * cannot use it to read anyone's transcript. The secret is long and random, so a fast hash is enough.
 */
final class WebSession {

    /** 256 bits: far beyond guessing. */
    private static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebSession() {}

    /** A new secret, URL-safe base64 without padding (43 characters). */
    static String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The participant's channel id for this secret: lower-case hex SHA-256. */
    static String channelUserId(String secret) {
        return WebChatSessions.channelUserId(secret);
    }

    /** Cheap shape check before touching the database: what {@link #newSecret()} makes, nothing else. */
    static boolean looksValid(String secret) {
        return secret != null && secret.length() == 43 && secret.chars().allMatch(WebSession::urlSafe);
    }

    private static boolean urlSafe(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }
}
