package org.chinwag.http;

import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.chinwag.store.Database;
import org.chinwag.store.TokenRepository;
import org.chinwag.store.TokenRepository.LiveToken;

/**
 * Checks {@code Authorization: Bearer <token>} against the hashed tokens in the database, and keeps
 * each token's {@code last_used_at} to the minute, so staff can see which tokens are still in use.
 */
public final class BearerAuth {

    /** How fresh {@code last_used_at} is kept: at most one write per token per minute. */
    static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

    private final Database database;
    private final Clock clock;

    public BearerAuth(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Throws 401 unless the request carries a live token; returns the token's name. */
    public String require(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new UnauthorizedResponse("Send an API token as 'Authorization: Bearer <token>'.", Map.of());
        }
        String token = header.substring(7).strip();
        LiveToken live = new TokenRepository(database.dsl()).verify(token).orElseThrow(() -> {
            ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            return new UnauthorizedResponse("That API token is not valid.", Map.of());
        });
        long now = clock.millis();
        long granularity = LAST_USED_GRANULARITY.toMillis();
        // checked on the read first, so most requests take no write at all
        if (live.lastUsedAt() == null || live.lastUsedAt() <= now - granularity) {
            database.write(tx -> new TokenRepository(tx).markUsed(live.name(), now, granularity));
        }
        return live.name();
    }
}
