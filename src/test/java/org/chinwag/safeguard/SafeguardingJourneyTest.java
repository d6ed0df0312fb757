package org.chinwag.safeguard;

import static org.chinwag.store.schema.Tables.PARTICIPANT;
import static org.chinwag.store.schema.Tables.SAFEGUARDING_FLAG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.chinwag.testing.ChinwagHarness;
import org.chinwag.testing.FakeBotApi;
import org.chinwag.testing.RunningService;
import org.chinwag.testing.TelegramResident;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A disclosure over Telegram long polling, from the resident's message to staff acknowledging the
 * flag. One of the few journeys on the real Big Chat script and the trained safeguarding model, as
 * residents meet them: a wording change in the script or a retrain may need this test's words changed.
 */
class SafeguardingJourneyTest {

    static final long CHAT = 7_100_000_001L;
    static final String DISCLOSURE = "I don't want to be here anymore, I've been thinking about ending it";
    static final String NEXT_QUESTION = "What gets in the way";

    @RegisterExtension final ChinwagHarness chinwag = ChinwagHarness.polling().realScript().realAnalyser().build();
    FakeBotApi telegram;
    RunningService service;

    @BeforeEach
    void start() {
        telegram = chinwag.telegram();
        service = chinwag.service();
    }

    /** /start and consent on the Big Chat script. */
    private TelegramResident consented() {
        TelegramResident resident = chinwag.resident(CHAT);
        resident.says("/start", "Are you happy to chat?");
        resident.presses("Yes, I'm happy to chat", "what helps you stay healthy");
        return resident;
    }

    @Test
    void aDisclosureIsSignpostedFirstFlaggedForStaffAndTheScriptWaits() {
        TelegramResident resident = consented();
        resident.says("Walking by the canal", NEXT_QUESTION);

        int before = resident.seen();
        telegram.enqueue(telegram.text(CHAT, DISCLOSURE));
        List<FakeBotApi.SentMessage> turn = telegram.awaitSent(CHAT, before + 2, ChinwagHarness.WAIT);
        FakeBotApi.SentMessage first = turn.get(before);
        assertTrue(first.text().contains("116 123"), "Samaritans first: " + first.text());
        assertTrue(first.text().contains("999"), "emergency number: " + first.text());
        assertTrue(turn.get(before + 1).text().contains(NEXT_QUESTION), "then the same question again: " + turn.get(before + 1).text());
        // nothing else sent this turn moves the script on
        ChinwagHarness.await("the turn's messages stored and sent", () -> pendingOutbound() == 0);
        for (FakeBotApi.SentMessage m : resident.sent().subList(before, resident.seen())) {
            assertFalse(m.text().contains("It sounds like"), "no reflection this turn: " + m.text());
            assertFalse(m.text().contains("one thing"), "no later question this turn: " + m.text());
        }

        var db = service.service().database().dsl();
        var flag = db.selectFrom(SAFEGUARDING_FLAG).fetchOne();
        assertNotNull(flag, "a flag raised");
        assertTrue(flag.getCategories().contains("suicide"), flag.getCategories());
        assertEquals("urgent", flag.getLevel());

        String token = service.createToken("duty-officer");
        HttpResponse<String> listed = service.get("/api/safeguarding", token);
        assertEquals(200, listed.statusCode(), listed.body());
        assertFalse(listed.body().contains(String.valueOf(CHAT)), "never the chat id: " + listed.body());
        JsonNode flags = ChinwagHarness.json(listed.body()).get("flags");
        assertEquals(1, flags.size(), listed.body());
        JsonNode shown = flags.get(0);
        String pseudonym = db.select(PARTICIPANT.PSEUDONYM).from(PARTICIPANT).fetchOne().value1();
        assertEquals(pseudonym, shown.get("participant").asText());
        assertTrue(shown.get("participant").asText().startsWith("P-"));
        assertTrue(shown.get("text").asText().contains("ending it"), "the (redacted) text: " + shown);
        List<String> categories = new java.util.ArrayList<>();
        shown.get("categories").forEach(c -> categories.add(c.asText()));
        assertTrue(categories.contains("suicide"), categories.toString());
        assertTrue(shown.get("acknowledged_at").isNull());
        assertEquals(401, service.get("/api/safeguarding", null).statusCode());

        HttpResponse<String> ack = service.post("/api/safeguarding/" + shown.get("id").asInt() + "/acknowledge",
                "application/json", "", Map.of("Authorization", "Bearer " + token));
        assertEquals(200, ack.statusCode(), ack.body());
        var acknowledged = db.selectFrom(SAFEGUARDING_FLAG).fetchOne();
        assertEquals("duty-officer", acknowledged.getAcknowledgedBy());
        assertNotNull(acknowledged.getAcknowledgedAt());
        assertEquals(0, ChinwagHarness.json(service.get("/api/safeguarding", token).body()).get("flags").size(),
                "no longer open");
        JsonNode all = ChinwagHarness.json(service.get("/api/safeguarding?all=true", token).body()).get("flags");
        assertEquals("duty-officer", all.get(0).get("acknowledged_by").asText());
        Instant.parse(all.get(0).get("acknowledged_at").asText());
        assertEquals(404, service.post("/api/safeguarding/" + shown.get("id").asInt() + "/acknowledge",
                "application/json", "", Map.of("Authorization", "Bearer " + token)).statusCode(), "only once");

        // the next plain answer carries on with the script
        resident.says("The buses stop running at 7pm", "It sounds like");
    }

    @Test
    void weakSignsGetTheGentleCheckInALowerPriorityFlagAndTheSameQuestionAgain() {
        TelegramResident resident = consented();
        resident.says("Walking by the canal", NEXT_QUESTION);

        int before = resident.seen();
        telegram.enqueue(telegram.text(CHAT, "not been right for weeks, can't be bothered with anything"));
        List<FakeBotApi.SentMessage> turn = telegram.awaitSent(CHAT, before + 2, ChinwagHarness.WAIT);
        String checkIn = turn.get(before).text();
        assertTrue(checkIn.contains("116 123") && checkIn.contains("85258"), checkIn);
        assertFalse(checkIn.contains("999"), "no emergency framing: " + checkIn);
        assertTrue(turn.get(before + 1).text().contains(NEXT_QUESTION), "the same question again");
        ChinwagHarness.await("the check-in turn sent", () -> pendingOutbound() == 0);

        // a later, urgent flag is listed before the older check-in
        int afterCheck = resident.seen();
        telegram.enqueue(telegram.text(CHAT, "he hits me when he's been drinking"));
        telegram.awaitSent(CHAT, afterCheck + 2, ChinwagHarness.WAIT);
        ChinwagHarness.await("the urgent turn sent", () -> pendingOutbound() == 0);
        JsonNode flags = ChinwagHarness.json(service.get("/api/safeguarding", service.createToken("duty")).body()).get("flags");
        assertEquals(2, flags.size(), flags.toString());
        assertEquals("urgent", flags.get(0).get("level").asText(), "urgent flags first, whatever their age");
        assertEquals("check", flags.get(1).get("level").asText());

        // the next answer is stored against the question it answers, and the chat moves on
        resident.says("The buses stop running at 7pm", "It sounds like");
        var reply = org.chinwag.store.schema.Tables.REPLY;
        assertEquals(3, service.service().database().dsl().fetchCount(reply, reply.QUESTION_ID.eq("barriers")),
                "the two signposted answers and the plain one, all against barriers");
    }

    @Test
    void aMessageInALanguageWithoutCuesIsMarkedForAPersonToRead() {
        TelegramResident resident = consented();
        resident.says("Sitaki kuishi tena, nimechoka sana na maisha haya", NEXT_QUESTION);
        JsonNode flags = ChinwagHarness.json(service.get("/api/safeguarding", service.createToken("duty")).body()).get("flags");
        assertEquals(1, flags.size(), flags.toString());
        assertEquals("review", flags.get(0).get("level").asText());
        assertEquals("sw", flags.get(0).get("language").asText());
        for (FakeBotApi.SentMessage m : resident.sent()) assertFalse(m.text().contains("116 123"), "no alarm: " + m.text());
    }

    @Test
    void aDisclosureBeforeConsentIsStillSignpostedAndFlagged() {
        TelegramResident resident = chinwag.resident(CHAT);
        resident.says("/start", "Are you happy to chat?");
        int before = resident.seen();
        telegram.enqueue(telegram.text(CHAT, DISCLOSURE));
        FakeBotApi.SentMessage first = telegram.awaitSent(CHAT, before + 1, ChinwagHarness.WAIT).get(before);
        assertTrue(first.text().contains("116 123") && first.text().contains("999"), first.text());
        var flag = service.service().database().dsl().selectFrom(SAFEGUARDING_FLAG).fetchOne();
        assertNotNull(flag);
        assertTrue(flag.getCategories().contains("suicide"), flag.getCategories());
        JsonNode flags = ChinwagHarness.json(service.get("/api/safeguarding", service.createToken("staff")).body()).get("flags");
        assertEquals(1, flags.size());
        assertEquals(0, service.service().database().dsl().fetchCount(org.chinwag.store.schema.Tables.REPLY),
                "still nothing stored as a reply before consent");
    }

    @Test
    void aDisclosureInAPhotoCaptionOrAnEditIsSeenToo() {
        TelegramResident resident = consented();
        var db = service.service().database().dsl();
        int before = resident.seen();
        telegram.enqueue(telegram.photo(CHAT, DISCLOSURE));
        FakeBotApi.SentMessage first = telegram.awaitSent(CHAT, before + 1, ChinwagHarness.WAIT).get(before);
        assertTrue(first.text().contains("116 123"), first.text());
        assertEquals(1, db.fetchCount(SAFEGUARDING_FLAG));
        assertEquals(1, db.fetchCount(org.chinwag.store.schema.Tables.MESSAGE,
                org.chinwag.store.schema.Tables.MESSAGE.BODY.eq("[photo] " + DISCLOSURE)), "the caption is kept");
        ChinwagHarness.await("the photo's turn sent", () -> pendingOutbound() == 0);

        before = resident.seen();
        telegram.enqueue(telegram.edited(CHAT, "I've been hurting myself again"));
        first = telegram.awaitSent(CHAT, before + 1, ChinwagHarness.WAIT).get(before);
        assertTrue(first.text().contains("116 123"), first.text());
        assertEquals(2, db.fetchCount(SAFEGUARDING_FLAG));
    }

    static final List<String> IDIOMS = List.of(
            "I'd kill for a decent bus",
            "dying for a brew",
            "the gym prices are killing me",
            "my feet are killing me after that walk",
            "the bus station is a death trap for pushchairs",
            "I'm dead tired after work most days",
            "the queue at the GP is murder",
            "the hill up to the park nearly killed me",
            "I could murder a cup of tea after the walk",
            "waiting for the doctor is killing me");

    @Test
    void idiomsRaiseNoFlagAndGetNoSignposting() {
        TelegramResident resident = consented();
        int before = resident.seen();
        for (int i = 0; i < IDIOMS.size(); i++) {
            // first answer moves to barriers; later ones may be reflected or followed up; all we need is an answer
            int seen = resident.seen();
            telegram.enqueue(telegram.text(CHAT, IDIOMS.get(i)));
            telegram.awaitSent(CHAT, seen + 1, ChinwagHarness.WAIT);
            ChinwagHarness.await("the turn sent", () -> pendingOutbound() == 0);
        }
        for (FakeBotApi.SentMessage m : resident.sent().subList(before, resident.seen())) {
            assertFalse(m.text().contains("116 123"), "no signposting: " + m.text());
            assertFalse(m.text().contains("Samaritans"), "no signposting: " + m.text());
        }
        assertEquals(0, service.service().database().dsl().fetchCount(SAFEGUARDING_FLAG), "no flags for idioms");
    }

    private int pendingOutbound() {
        return chinwag.pendingOutbound();
    }
}
