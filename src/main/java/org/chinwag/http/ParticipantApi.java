package org.chinwag.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.chinwag.store.Database;
import org.chinwag.store.ParticipantRepository;
import org.chinwag.store.ReplyRepository;
import org.chinwag.store.schema.tables.records.ParticipantRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Staff acting on a resident's request, by the reference (pseudonym) the resident sees in /mydata:
 * {@code GET /api/participants/{pseudonym}} returns everything held, {@code DELETE} erases it all
 * in one transaction. Both need a bearer token; erasures are logged by pseudonym and token name.
 */
public final class ParticipantApi implements HttpServer.RouteSet {

    private static final Logger log = LoggerFactory.getLogger(ParticipantApi.class);

    private final Database database;
    private final BearerAuth auth;

    public ParticipantApi(Database database, BearerAuth auth) {
        this.database = database;
        this.auth = auth;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/participants/{pseudonym}", this::show);
        routes.delete("/api/participants/{pseudonym}", this::erase);
    }

    private void show(Context ctx) {
        auth.require(ctx);
        ctx.json(describe(database, ctx.pathParam("pseudonym")));
    }

    private void erase(Context ctx) {
        String staff = auth.require(ctx);
        String pseudonym = ctx.pathParam("pseudonym");
        if (!erase(database, pseudonym)) throw notFound();
        log.info("participant {} erased on request (token '{}')", pseudonym, staff);
        ctx.json(Map.of("erased", pseudonym));
    }

    /** Everything held about one participant, as JSON-ready data; 404 when there is no such reference. */
    public static Map<String, Object> describe(Database database, String pseudonym) {
        var db = database.dsl();
        ParticipantRecord p = new ParticipantRepository(db).findByPseudonym(pseudonym).orElseThrow(ParticipantApi::notFound);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("participant", p.getPseudonym());
        out.put("campaign", p.getCampaignId());
        out.put("channel", p.getChannel());
        out.put("created_at", instant(p.getCreatedAt()));
        out.put("consent", p.getConsent());
        out.put("consent_at", instant(p.getConsentAt()));
        out.put("consent_script", p.getConsentScriptId() == null ? null : p.getConsentScriptId() + " v" + p.getConsentScriptVersion());
        out.put("opted_in", p.getOptedIn());
        out.put("active", p.getActive());
        out.put("area", p.getArea());
        out.put("age_band", p.getAgeBand());
        out.put("community", p.getCommunity());
        out.put("replies", new ReplyRepository(db).forParticipant(p.getId()).stream().map(r -> {
            Map<String, Object> reply = new LinkedHashMap<>();
            reply.put("question", r.getQuestionId());
            reply.put("text", r.getBody());
            reply.put("created_at", instant(r.getCreatedAt()));
            return reply;
        }).toList());
        return out;
    }

    /** Erases a participant and everything hanging off it; false when there is no such reference. */
    public static boolean erase(Database database, String pseudonym) {
        return database.write(tx -> {
            var participants = new ParticipantRepository(tx);
            var found = participants.findByPseudonym(pseudonym);
            found.ifPresent(p -> participants.delete(p.getId()));
            return found.isPresent();
        });
    }

    private static NotFoundResponse notFound() {
        return new NotFoundResponse("No participant with that reference.", Map.of());
    }

    private static String instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis).toString();
    }
}
