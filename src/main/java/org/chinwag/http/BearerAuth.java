package org.chinwag.http;

import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import java.util.Map;
import org.chinwag.tokens.ApiTokens;

/** Checks {@code Authorization: Bearer <token>} against the API tokens. */
public final class BearerAuth {

    private final ApiTokens tokens;

    public BearerAuth(ApiTokens tokens) {
        this.tokens = tokens;
    }

    /** Throws 401 unless the request carries a live token; returns the token's name. */
    public String require(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new UnauthorizedResponse("Send an API token as 'Authorization: Bearer <token>'.", Map.of());
        }
        return tokens.authenticate(header.substring(7).strip()).orElseThrow(() -> {
            ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            return new UnauthorizedResponse("That API token is not valid.", Map.of());
        });
    }
}
