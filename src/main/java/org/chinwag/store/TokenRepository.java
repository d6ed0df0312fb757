package org.chinwag.store;

import static org.chinwag.store.schema.Tables.API_TOKEN;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * API tokens. Only a SHA-256 of each token is stored: tokens are 256 random bits, so a slow
 * password hash would add cost without adding safety.
 */
public final class TokenRepository {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DSLContext db;

    public TokenRepository(DSLContext db) {
        this.db = db;
    }

    /** Creates a token with scope {@code read} or {@code write} and returns it: the only time it is ever visible. */
    public String create(String name, String scope, long now) {
        if (db.fetchExists(API_TOKEN, API_TOKEN.NAME.eq(name))) {
            throw new IllegalArgumentException("a token named '" + name + "' already exists");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "cw_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        db.insertInto(API_TOKEN)
                .set(API_TOKEN.NAME, name)
                .set(API_TOKEN.TOKEN_HASH, Sha256.hex(token))
                .set(API_TOKEN.SCOPE, scope)
                .set(API_TOKEN.CREATED_AT, now)
                .execute();
        return token;
    }

    /** A live token: its name, its scope, and when it was last used (null: never). */
    public record LiveToken(String name, String scope, Long lastUsedAt) {}

    /** The live token matching {@code token}, if any. */
    public Optional<LiveToken> verify(String token) {
        return db.select(API_TOKEN.NAME, API_TOKEN.SCOPE, API_TOKEN.LAST_USED_AT).from(API_TOKEN)
                .where(API_TOKEN.TOKEN_HASH.eq(Sha256.hex(token)), API_TOKEN.REVOKED_AT.isNull())
                .fetchOptional(row -> new LiveToken(row.value1(), row.value2(), row.value3()));
    }

    /**
     * Records that the named token was used at {@code now}, unless that was already recorded less
     * than {@code granularityMillis} ago (so a busy integration costs one write a minute, not one a request).
     */
    public boolean markUsed(String name, long now, long granularityMillis) {
        return db.update(API_TOKEN).set(API_TOKEN.LAST_USED_AT, now)
                .where(API_TOKEN.NAME.eq(name), API_TOKEN.REVOKED_AT.isNull(),
                        API_TOKEN.LAST_USED_AT.isNull().or(API_TOKEN.LAST_USED_AT.le(now - granularityMillis)))
                .execute() > 0;
    }

    /** Every token, by name (never the token: only its hash is held). */
    public List<TokenInfo> list() {
        return db.select(API_TOKEN.NAME, API_TOKEN.SCOPE, API_TOKEN.CREATED_AT, API_TOKEN.LAST_USED_AT, API_TOKEN.REVOKED_AT)
                .from(API_TOKEN).orderBy(API_TOKEN.NAME)
                .fetch(row -> new TokenInfo(row.value1(), row.value2(), row.value3(), row.value4(), row.value5()));
    }

    /** A token's name, scope, and when it was created, last used and revoked (null: not yet). */
    public record TokenInfo(String name, String scope, long createdAt, Long lastUsedAt, Long revokedAt) {}

    public boolean revoke(String name, long now) {
        return db.update(API_TOKEN).set(API_TOKEN.REVOKED_AT, now)
                .where(API_TOKEN.NAME.eq(name), API_TOKEN.REVOKED_AT.isNull()).execute() > 0;
    }

}
