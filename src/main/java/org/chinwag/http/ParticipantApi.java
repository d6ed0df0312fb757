package org.chinwag.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.chinwag.participants.Participants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Staff acting on a resident's request, by the reference (pseudonym) the resident sees in /mydata:
 * {@code GET /api/participants/{pseudonym}} returns everything held, {@code DELETE} erases it all
 * in one transaction. Both need a bearer token; erasures are logged by pseudonym and token name.
 */
public final class ParticipantApi implements HttpServer.RouteSet {

    private static final Logger log = LoggerFactory.getLogger(ParticipantApi.class);

    private final Participants participants;
    private final BearerAuth auth;

    public ParticipantApi(Participants participants, BearerAuth auth) {
        this.participants = participants;
        this.auth = auth;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/participants/{pseudonym}", this::show);
        routes.delete("/api/participants/{pseudonym}", this::erase);
    }

    private void show(Context ctx) {
        auth.require(ctx);
        ctx.json(asJson(participants.describe(ctx.pathParam("pseudonym")).orElseThrow(ParticipantApi::notFound)));
    }

    private void erase(Context ctx) {
        String staff = auth.require(ctx);
        String pseudonym = ctx.pathParam("pseudonym");
        if (!participants.erase(pseudonym)) throw notFound();
        log.info("participant {} erased on request (token '{}')", pseudonym, staff);
        ctx.json(Map.of("erased", pseudonym));
    }

    /** Everything held about one participant as JSON-ready data: what the API and {@code participant show} print. */
    public static Map<String, Object> asJson(Participants.Held p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("participant", p.pseudonym());
        out.put("campaign", p.campaign());
        out.put("channel", p.channel());
        out.put("created_at", instant(p.createdAt()));
        out.put("consent", p.consent().id());
        out.put("consent_at", instant(p.consentAt()));
        out.put("consent_script", p.consentScript());
        out.put("opted_in", p.optedIn());
        out.put("active", p.active());
        out.put("area", p.area());
        out.put("age_band", p.ageBand());
        out.put("community", p.community());
        out.put("replies", p.replies().stream().map(r -> {
            Map<String, Object> reply = new LinkedHashMap<>();
            reply.put("question", r.question());
            reply.put("text", r.text());
            reply.put("created_at", instant(r.createdAt()));
            return reply;
        }).toList());
        return out;
    }

    private static NotFoundResponse notFound() {
        return new NotFoundResponse("No participant with that reference.", Map.of());
    }

    private static String instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis).toString();
    }
}
