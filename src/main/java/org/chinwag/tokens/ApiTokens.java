package org.chinwag.tokens;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.chinwag.store.Database;
import org.chinwag.store.TokenRepository;
import org.chinwag.store.TokenRepository.LiveToken;

/**
 * API tokens for the read-back API: created and revoked from the command line, checked on every
 * API request. Each token's {@code last_used_at} is kept to the minute, so staff can see which
 * tokens are still in use.
 */
public final class ApiTokens {

    /** How fresh {@code last_used_at} is kept: at most one write per token per minute. */
    static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

    private final Database database;
    private final Clock clock;

    public ApiTokens(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * A new token named {@code name} with {@code scope}, returned: the only time it is ever visible.
     *
     * @throws IllegalArgumentException when a token of that name already exists
     */
    public String create(String name, Scope scope) {
        return database.write(tx -> new TokenRepository(tx).create(name, scope.id(), clock.millis()));
    }

    /** Revokes the named token; false when there is no live token of that name. */
    public boolean revoke(String name) {
        return database.write(tx -> new TokenRepository(tx).revoke(name, clock.millis()));
    }

    /** Every token ever created, live or revoked, by name; never the tokens themselves. */
    public List<Token> list() {
        return new TokenRepository(database.dsl()).list().stream()
                .map(t -> new Token(t.name(), Scope.of(t.scope()).orElse(Scope.READ), t.createdAt(), t.lastUsedAt(),
                        t.revokedAt())).toList();
    }

    /** The live token {@code token} is, if it is one (its name and scope); records that it was used. */
    public Optional<Caller> authenticate(String token) {
        Optional<LiveToken> live = new TokenRepository(database.dsl()).verify(token);
        live.ifPresent(t -> {
            long now = clock.millis();
            long granularity = LAST_USED_GRANULARITY.toMillis();
            // checked on the read first, so most requests take no write at all
            if (t.lastUsedAt() == null || t.lastUsedAt() <= now - granularity) {
                database.write(tx -> new TokenRepository(tx).markUsed(t.name(), now, granularity));
            }
        });
        // a scope this version does not know grants no more than reading
        return live.map(t -> new Caller(t.name(), Scope.of(t.scope()).orElse(Scope.READ)));
    }

    /** Who an API request comes from: the token's name, and what it may do. */
    public record Caller(String name, Scope scope) {}

    /** A token as staff may see it: its name, scope and when it was made, last used and revoked (null: not yet), epoch ms. */
    public record Token(String name, Scope scope, long createdAt, Long lastUsedAt, Long revokedAt) {}
}
