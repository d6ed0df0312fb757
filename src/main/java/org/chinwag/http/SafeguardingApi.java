package org.chinwag.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.chinwag.flags.SafeguardingFlags;
import org.chinwag.flags.SafeguardingFlags.Flag;

/**
 * Safeguarding flags for staff, open ones first (urgent, then check-ins, then messages in a language
 * the detector cannot read): {@code GET /api/safeguarding} (add {@code ?all=true}
 * for acknowledged ones too) and {@code POST /api/safeguarding/{id}/acknowledge}, which records who
 * (the token's name) and when.
 */
public final class SafeguardingApi implements HttpServer.RouteSet {

    private final SafeguardingFlags flags;
    private final BearerAuth auth;

    public SafeguardingApi(SafeguardingFlags flags, BearerAuth auth) {
        this.flags = flags;
        this.auth = auth;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/safeguarding", this::list);
        routes.post("/api/safeguarding/{id}/acknowledge", this::acknowledge);
    }

    private void list(Context ctx) {
        auth.require(ctx);
        boolean all = "true".equals(ctx.queryParam("all"));
        ctx.json(Map.of("flags", flags.list(all).stream().map(SafeguardingApi::asJson).toList()));
    }

    private void acknowledge(Context ctx) {
        String staff = auth.require(ctx);
        int id;
        try {
            id = Integer.parseInt(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new BadRequestResponse("Flag ids are whole numbers.", Map.of());
        }
        if (!flags.acknowledge(id, staff)) throw new NotFoundResponse("No open flag with that id.", Map.of());
        ctx.json(Map.of("acknowledged", id, "by", staff));
    }

    private static Map<String, Object> asJson(Flag flag) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", flag.id());
        json.put("participant", flag.participant());
        json.put("channel", flag.channel());
        json.put("level", flag.level());
        json.put("categories", flag.categories());
        json.put("language", flag.language());
        json.put("detected_by", flag.detectedBy());
        json.put("created_at", Instant.ofEpochMilli(flag.createdAt()).toString());
        json.put("text", flag.text());
        json.put("acknowledged_at", flag.acknowledgedAt() == null ? null : Instant.ofEpochMilli(flag.acknowledgedAt()).toString());
        json.put("acknowledged_by", flag.acknowledgedBy());
        return json;
    }
}
