package org.chinwag.http;

import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import java.util.Map;
import org.chinwag.tokens.ApiTokens;
import org.chinwag.tokens.ApiTokens.Caller;

/** Checks {@code Authorization: Bearer <token>} against the API tokens (the scope a route needs: {@link Access}). */
public final class BearerAuth {

    private static final String CALLER = "chinwag.caller";

    private final ApiTokens tokens;

    public BearerAuth(ApiTokens tokens) {
        this.tokens = tokens;
    }

    /** Throws 401 unless the request carries a live token; returns the token's name. */
    public String require(Context ctx) {
        return caller(ctx).name();
    }

    /** Throws 401 unless the request carries a live token; returns its name and scope (checked once a request). */
    Caller caller(Context ctx) {
        Caller known = ctx.attribute(CALLER);
        if (known != null) return known;
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new UnauthorizedResponse("Send an API token as 'Authorization: Bearer <token>'.", Map.of());
        }
        Caller caller = tokens.authenticate(header.substring(7).strip()).orElseThrow(() -> {
            ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            return new UnauthorizedResponse("That API token is not valid.", Map.of());
        });
        ctx.attribute(CALLER, caller);
        return caller;
    }
}
