package org.chinwag.classify;

import static org.chinwag.store.schema.Tables.PARTICIPANT;
import static org.chinwag.store.schema.Tables.REPLY;
import static org.chinwag.store.schema.Tables.REPLY_TAG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chinwag.conversation.Inbound;
import org.chinwag.messages.ChannelMessage;
import org.chinwag.testing.ChinwagHarness;
import org.chinwag.testing.RunningService;
import org.chinwag.testing.TelegramResident;
import org.chinwag.testing.TestScript;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The theme classifier as the product uses it: the classify API and tags on stored replies. The
 * trained models hear what residents say; the conversation around them is the tests' own script.
 */
class ClassifyIntegrationTest {

    static final long CHAT = 6_200_000_001L;
    static final String MULTI = "the buses are rubbish and I can't get a GP appointment";
    static final String POLISH = "Autobusy w mojej okolicy jeżdżą bardzo rzadko i nie mogę dostać się do lekarza rodzinnego na czas";

    @RegisterExtension final ChinwagHarness chinwag = ChinwagHarness.polling().realAnalyser().build();
    RunningService service;

    @BeforeEach
    void start() {
        service = chinwag.service();
    }

    private HttpResponse<String> classify(String body, String token) {
        return service.post("/api/classify", "application/json", body,
                token == null ? Map.of() : Map.of("Authorization", "Bearer " + token));
    }

    @Test
    void theClassifyApiAnswersLikeTheCommandLine() {
        String token = service.createToken("analyst");
        HttpResponse<String> response = classify("{\"text\": \"" + MULTI + "\"}", token);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode json = ChinwagHarness.json(response.body());
        assertEquals(MULTI, json.get("text").asText());
        assertTrue(json.get("themes").isArray());
        Set<String> themes = new HashSet<>();
        for (JsonNode theme : json.get("themes")) {
            assertTrue(theme.get("id").isTextual(), theme.toString());
            double confidence = theme.get("confidence").asDouble();
            assertTrue(confidence >= 0 && confidence <= 1, theme.toString());
            themes.add(theme.get("id").asText());
        }
        assertTrue(themes.containsAll(Set.of("transport", "gp_access")), themes.toString());
        assertEquals("en", json.get("language").asText());
        assertTrue(json.get("risk").isBoolean());
        assertFalse(json.get("risk").asBoolean());

        JsonNode risky = ChinwagHarness.json(classify("{\"text\": \"I've been thinking about ending it all\"}", token).body());
        assertTrue(risky.get("risk").asBoolean(), risky.toString());

        assertEquals(401, classify("{\"text\": \"buses\"}", null).statusCode());
        assertEquals(401, classify("{\"text\": \"buses\"}", "cw_not-a-real-token").statusCode());
        for (String bad : List.of("{not json", "{}", "{\"text\": 42}", "[]", "", "{\"words\": \"buses\"}")) {
            HttpResponse<String> answer = classify(bad, token);
            assertEquals(400, answer.statusCode(), bad + " -> " + answer.body());
        }
        assertEquals(0, service.service().database().dsl().fetchCount(REPLY), "classify stores nothing");
    }

    @Test
    void repliesOverTelegramAreTaggedByTheModelAndConfirmedThemesAreTheParticipants() {
        TelegramResident resident = chinwag.resident(CHAT);
        resident.consents();
        resident.says("Walking in the park with my dog", TestScript.SECOND_QUESTION);
        resident.says(MULTI, TestScript.REFLECT_ASKS);
        resident.presses(TestScript.REFLECT_YES, TestScript.FOLLOWUP_PREFIX);

        var db = service.service().database().dsl();
        var reply = db.selectFrom(REPLY).where(REPLY.QUESTION_ID.eq("barriers")).fetchOne();
        assertNotNull(reply);
        assertEquals("en", reply.getLanguage());
        assertFalse(reply.getNeedsReview());
        var tags = db.selectFrom(REPLY_TAG).where(REPLY_TAG.REPLY_ID.eq(reply.getId())).fetch();
        Set<String> modelThemes = new HashSet<>();
        for (var tag : tags) {
            if (!tag.getSource().equals("model")) continue;
            modelThemes.add(tag.getTheme());
            assertNotNull(tag.getModelVersion());
            assertTrue(tag.getModelVersion().startsWith("big-chat-"), tag.getModelVersion());
            assertTrue(tag.getConfidence() >= 0 && tag.getConfidence() <= 1);
        }
        assertTrue(modelThemes.containsAll(Set.of("transport", "gp_access")), "both themes: " + modelThemes);
        assertTrue(tags.stream().anyMatch(t -> t.getSource().equals("participant")), "the confirmed themes: " + tags);

        // the replies API shows the tags with their sources
        JsonNode replies = ChinwagHarness.json(service.get("/api/replies", service.createToken("r")).body()).get("replies");
        JsonNode shown = replies.get(1);
        assertEquals("barriers", shown.get("question").asText());
        Set<String> sources = new HashSet<>();
        shown.get("tags").forEach(t -> sources.add(t.get("source").asText()));
        assertEquals(Set.of("model", "participant"), sources);
    }

    @Test
    void aReplyThroughTheWebChatIsTaggedToo() {
        var inbox = service.service().inbox();
        String session = "web-session-1";
        inbox.receive(new ChannelMessage("web", session, "w1", Inbound.fromTyped("/start"), "en"));
        inbox.receive(new ChannelMessage("web", session, "w2", new Inbound.ButtonPress("yes", "Yes"), "en"));
        inbox.receive(new ChannelMessage("web", session, "w3", Inbound.fromTyped("Buses to the hospital are far too infrequent"), "en"));
        var db = service.service().database().dsl();
        var reply = db.selectFrom(REPLY).fetchOne();
        assertNotNull(reply, "the answer stored");
        var tags = db.selectFrom(REPLY_TAG).where(REPLY_TAG.REPLY_ID.eq(reply.getId())).fetch();
        assertTrue(tags.stream().anyMatch(t -> t.getSource().equals("model") && t.getTheme().equals("transport")
                && t.getModelVersion() != null && t.getModelVersion().startsWith("big-chat-")), tags.toString());
    }

    @Test
    void aClearlyNonEnglishReplyIsStoredForReviewWithoutModelTags() {
        TelegramResident resident = chinwag.resident(CHAT);
        resident.consents();
        resident.saysAndGets(POLISH, 1);
        var db = service.service().database().dsl();
        var reply = db.selectFrom(REPLY).fetchOne();
        assertNotNull(reply, "the answer is kept");
        assertEquals(POLISH, reply.getBody());
        assertTrue(reply.getNeedsReview(), "needs review");
        assertFalse("en".equals(reply.getLanguage()), "not recorded as English: " + reply.getLanguage());
        assertEquals(0, db.fetchCount(REPLY_TAG, REPLY_TAG.REPLY_ID.eq(reply.getId()), REPLY_TAG.SOURCE.eq("model")));
        assertEquals(1, db.fetchCount(PARTICIPANT));
        JsonNode shown = ChinwagHarness.json(service.get("/api/replies", service.createToken("r")).body()).get("replies").get(0);
        assertTrue(shown.get("needs_review").asBoolean());
        assertEquals(0, shown.get("themes").size());
    }
}
