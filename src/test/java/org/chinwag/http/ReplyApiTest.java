package org.chinwag.http;

import org.chinwag.testing.TestScript;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.chinwag.testing.ChinwagHarness;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.chinwag.conversation.Inbound;
import org.chinwag.messages.Retagger;
import org.chinwag.messages.TextAnalysis;
import org.chinwag.messages.TextAnalyzer;
import org.chinwag.testing.RunningService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The read-back API over real HTTP on loopback, against a real SQLite file. */
class ReplyApiTest {

    static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension static final ChinwagHarness chinwag = ChinwagHarness.web().build();
    /** A service of its own for the reviewer's corrections. */
    @RegisterExtension final ChinwagHarness own = ChinwagHarness.web().startLater().build();
    static RunningService service;
    static String token;

    @BeforeAll
    static void start() {
        service = chinwag.service();
        token = service.createToken("tests");
        // three residents, each answering the first question; one at an event
        for (int resident = 1; resident <= 3; resident++) {
            String id = "90000000000" + resident;
            String event = resident == 3 ? "/start LIBRARY" : "/start";
            service.receive(id, Inbound.fromTyped(event), new Inbound.ButtonPress("yes", "Yes"),
                    Inbound.fromTyped("Answer from resident " + resident + ", with \"quotes\", commas"));
        }
    }

    @Test
    void healthAndReadinessAnswerWithoutAuth() throws Exception {
        assertEquals(200, service.get("/health", null).statusCode());
        var ready = service.get("/ready", null);
        assertEquals(200, ready.statusCode());
        assertEquals("ready", JSON.readTree(ready.body()).get("status").asText());
    }

    @Test
    void repliesNeedAValidBearerToken() throws Exception {
        var none = service.get("/api/replies", null);
        assertEquals(401, none.statusCode());
        assertTrue(JSON.readTree(none.body()).at("/error/message").asText().contains("Bearer"));
        assertEquals(401, service.get("/api/replies", "cw_wrong").statusCode());
        assertEquals(401, service.get("/api/replies.csv", null).statusCode());
    }

    @Test
    void repliesComeBackPseudonymousWithTheirQuestion() throws Exception {
        JsonNode body = JSON.readTree(service.get("/api/replies", token).body());
        JsonNode replies = body.get("replies");
        assertEquals(3, replies.size());
        JsonNode first = replies.get(0);
        assertEquals("healthy", first.get("question").asText());
        assertEquals(TestScript.ID, first.get("script").asText());
        assertTrue(first.get("participant").asText().startsWith("P-"));
        assertFalse(body.toString().contains("900000000001"), "no Telegram ids in the API");
    }

    @Test
    void repliesFilterByEventAndDateAndPage() throws Exception {
        JsonNode atLibrary = JSON.readTree(service.get("/api/replies?event=LIBRARY", token).body()).get("replies");
        assertEquals(1, atLibrary.size());
        assertEquals("LIBRARY", atLibrary.get(0).get("event").asText());

        assertEquals(0, JSON.readTree(service.get("/api/replies?to=2001-01-01", token).body()).get("replies").size());
        assertEquals(3, JSON.readTree(service.get("/api/replies?from=2001-01-01", token).body()).get("replies").size());

        JsonNode page1 = JSON.readTree(service.get("/api/replies?limit=2", token).body());
        assertEquals(2, page1.get("replies").size());
        int cursor = page1.get("next_after").asInt();
        JsonNode page2 = JSON.readTree(service.get("/api/replies?limit=2&after=" + cursor, token).body());
        assertEquals(1, page2.get("replies").size());
        assertTrue(page2.get("next_after").isNull());
    }

    @Test
    void badParametersGetAClear400() throws Exception {
        var badDate = service.get("/api/replies?from=last-tuesday", token);
        assertEquals(400, badDate.statusCode());
        assertTrue(JSON.readTree(badDate.body()).at("/error/message").asText().contains("from"));
        assertEquals(400, service.get("/api/replies?limit=0", token).statusCode());
        assertEquals(400, service.get("/api/replies?limit=abc", token).statusCode());
    }

    @Test
    void csvExportHasAHeaderAndQuotesTextSafely() {
        var csv = service.get("/api/replies.csv", token);
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        String[] lines = csv.body().split("\r\n");
        assertEquals(4, lines.length);
        assertTrue(lines[0].startsWith("id,participant,campaign"));
        assertTrue(lines[1].contains("\"Answer from resident 1, with \"\"quotes\"\", commas\""), lines[1]);
    }

    @Test
    void aReviewerCorrectsTheThemesAndTheCorrectionOutranksTheModelAndSurvivesRetagging() throws Exception {
        RunningService reviewing = own.start();
        String reviewer = reviewing.createToken("reviewer-anna");
        reviewing.consentAndAnswer("42", "The buses never come");
        JsonNode listed = JSON.readTree(reviewing.get("/api/replies", reviewer).body()).at("/replies/0");
        assertEquals("[\"transport\"]", listed.get("themes").toString(), "the model's tag counts before a person speaks");
        int id = listed.get("id").asInt();
        Map<String, String> json = Map.of("Authorization", "Bearer " + reviewer);

        var corrected = reviewing.put("/api/replies/" + id + "/themes", "{\"themes\": [\"crime_safety\", \"transport\"]}", json);
        assertEquals(200, corrected.statusCode(), corrected.body());
        JsonNode reply = JSON.readTree(corrected.body());
        assertEquals("[\"crime_safety\",\"transport\"]", reply.get("themes").toString());
        JsonNode reviewerTag = null;
        for (JsonNode tag : reply.get("tags")) if (tag.get("source").asText().equals("reviewer")) reviewerTag = tag;
        assertEquals("reviewer-anna", reviewerTag.get("tagged_by").asText());
        assertTrue(reply.get("tags").toString().contains("\"source\":\"model\""), "the model's tag is kept beside it");

        // a second correction replaces the first; none of them is a judgement too
        reviewing.put("/api/replies/" + id + "/themes", "{\"themes\": []}", json);
        TextAnalyzer nextModel = text -> new TextAnalysis(List.of(new TextAnalysis.ThemeScore("transport", 0.9)),
                "big-chat-next", "en", false, TextAnalysis.Risk.NONE);
        new Retagger(reviewing.service().database(), nextModel, "big-chat-next", Clock.systemUTC()).retagAll();
        listed = JSON.readTree(reviewing.get("/api/replies", reviewer).body()).at("/replies/0");
        assertEquals("[]", listed.get("themes").toString(), "the reviewer's word stands after re-tagging");
        assertTrue(listed.get("tags").toString().contains("big-chat-next"), "while the model's tags were renewed");

        assertEquals(400, reviewing.put("/api/replies/" + id + "/themes", "{\"themes\": [\"parking\"]}", json).statusCode());
        assertEquals(400, reviewing.put("/api/replies/" + id + "/themes", "{\"themes\": \"transport\"}", json).statusCode());
        assertEquals(400, reviewing.put("/api/replies/" + id + "/themes", "not json", json).statusCode());
        assertEquals(404, reviewing.put("/api/replies/99999/themes", "{\"themes\": []}", json).statusCode());
        assertEquals(401, reviewing.put("/api/replies/" + id + "/themes", "{\"themes\": []}", Map.of()).statusCode());
    }

    @Test
    void unknownPathsAreJson404s() throws Exception {
        var missing = service.get("/nothing-here", null);
        assertEquals(404, missing.statusCode());
        assertEquals(404, JSON.readTree(missing.body()).at("/error/status").asInt());
    }
}
