package org.chinwag.privacy;

import static org.chinwag.store.schema.Tables.MESSAGE;
import static org.chinwag.store.schema.Tables.PARTICIPANT;
import static org.chinwag.store.schema.Tables.REPLY;
import static org.chinwag.store.schema.Tables.REPLY_TAG;
import static org.chinwag.store.schema.Tables.SAFEGUARDING_FLAG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.chinwag.testing.ChinwagHarness;
import org.chinwag.testing.FakeBotApi;
import org.chinwag.testing.Leftovers;
import org.chinwag.testing.RunningService;
import org.chinwag.testing.StubAnalyser;
import org.chinwag.testing.TelegramResident;
import org.chinwag.testing.TestScript;
import org.chinwag.testing.WebChatClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What is kept about a resident, what staff see of it, and that erasure leaves nothing anywhere. */
class PrivacyJourneyTest {

    static final long CHAT = 5_550_123_987L;
    static final long BYSTANDER = 5_550_777_111L;

    static final String HEALTHY = "Walking to my GP surgery and the gym keeps me well";
    static final String BARRIERS = "The buses are rubbish and I can't get a GP appointment";
    static final String FOLLOWUP = "The surgery phone line is engaged every single morning";
    static final String DISCLOSURE = "Honestly I don't want to be here anymore, I've been thinking about ending it";
    static final List<String> SAID = List.of(HEALTHY, BARRIERS, FOLLOWUP, DISCLOSURE);

    @RegisterExtension final ChinwagHarness chinwag = ChinwagHarness.polling().build();
    FakeBotApi telegram;
    RunningService service;

    @BeforeEach
    void start() {
        telegram = chinwag.telegram();
        service = chinwag.service();
    }

    /** A whole conversation: tagged replies, a confirmed theme (participant tags) and a safeguarding flag. */
    static void fullConversation(TelegramResident resident) {
        resident.consents();
        resident.says(HEALTHY, TestScript.SECOND_QUESTION);
        resident.says(BARRIERS, TestScript.REFLECT_ASKS);
        resident.presses(TestScript.REFLECT_YES, TestScript.FOLLOWUP_PREFIX);
        resident.says(FOLLOWUP, TestScript.LAST_QUESTION);
        FakeBotApi.SentMessage first = resident.saysAndGets(DISCLOSURE, 1).get(0);
        assertEquals(StubAnalyser.URGENT_SIGNPOSTING, first.text());
    }

    /** Someone else, who must be untouched by the erasure. */
    private TelegramResident bystander() {
        TelegramResident other = chinwag.resident(BYSTANDER);
        other.consents();
        other.says("Swimming at the leisure centre", TestScript.SECOND_QUESTION);
        return other;
    }

    private void assertHeldSomethingToErase() {
        var db = chinwag.db();
        assertTrue(db.fetchCount(REPLY_TAG) > 0, "tags were stored");
        assertTrue(db.fetchCount(REPLY_TAG, REPLY_TAG.SOURCE.eq("participant")) > 0, "a confirmed theme was stored");
        assertTrue(db.fetchCount(SAFEGUARDING_FLAG) > 0, "a flag was raised");
    }

    @Test
    void forgetAfterAFullConversationLeavesNothingAboutThatPersonAnywhere() {
        TelegramResident other = bystander();
        TelegramResident resident = chinwag.resident(CHAT);
        fullConversation(resident);
        assertHeldSomethingToErase();
        var db = chinwag.db();
        var footprint = Leftovers.capture(db, "telegram", String.valueOf(CHAT), SAID);

        resident.says("/forget", TestScript.FORGET_ASKS);
        resident.presses(TestScript.FORGET_YES, TestScript.FORGOTTEN);
        ChinwagHarness.await("the goodbye sent and its recipient cleared",
                () -> db.fetchCount(MESSAGE, MESSAGE.RECIPIENT.isNotNull()) == 0
                        && db.fetchCount(MESSAGE, MESSAGE.DIRECTION.eq("out"), MESSAGE.STATUS.eq("pending")) == 0);

        Leftovers.assertNothingLeft(db, footprint);
        Leftovers.assertNotOnDisk(chinwag.databaseFile(), footprint);
        assertEquals(1, db.fetchCount(PARTICIPANT), "the bystander is untouched");
        other.says("The bus fares are far too expensive", TestScript.REFLECT_ASKS);
    }

    @Test
    void staffSeeMasksWhereResidentsTypedContactDetailsButTheResidentSeesTheirOwnWords() {
        TelegramResident resident = chinwag.resident(CHAT);
        resident.consents();
        String first = "Walking from 12 Tong Road to the park, call me on 07700 900123 or jo.bloggs@example.com";
        String second = "Buses near LS12 3AB are rare and my NHS number is 943 476 5919";
        resident.says(first, TestScript.SECOND_QUESTION);
        resident.saysAndGets(second, 1);
        List<String> originals = List.of("12 Tong Road", "07700 900123", "jo.bloggs@example.com", "LS12 3AB", "943 476 5919");
        List<String> masks = List.of("[address]", "[phone]", "[email]", "[postcode]", "[NHS number]");

        String token = service.createToken("analyst");
        HttpResponse<String> json = service.get("/api/replies?limit=1000", token);
        assertEquals(200, json.statusCode(), json.body());
        JsonNode replies = ChinwagHarness.json(json.body()).get("replies");
        assertEquals(2, replies.size(), json.body());
        HttpResponse<String> csv = service.get("/api/replies.csv", token);
        assertEquals(200, csv.statusCode(), csv.body());
        for (String body : List.of(json.body(), csv.body())) {
            for (String original : originals) assertFalse(body.contains(original), original + " shown to staff: " + body);
            for (String mask : masks) assertTrue(body.contains(mask), mask + " missing: " + body);
            assertFalse(body.contains("07700"), body);
            assertFalse(body.contains("5919"), body);
        }

        FakeBotApi.SentMessage mine = resident.says("/mydata", "07700 900123");
        for (String original : originals) assertTrue(mine.text().contains(original), "their own words: " + mine.text());
    }

    @Test
    void nothingIsStoredAsAReplyBeforeConsent() {
        TelegramResident resident = chinwag.resident(CHAT);
        resident.says("/start", TestScript.ASKS_CONSENT);
        resident.saysAndGets("The buses near me are awful and the GP never answers", 1);
        var db = chinwag.db();
        assertEquals(0, db.fetchCount(REPLY), "no reply before consent");
        assertEquals(0, db.fetchCount(REPLY_TAG));
        resident.presses(TestScript.CONSENT_YES, TestScript.FIRST_QUESTION);
        assertEquals(0, db.fetchCount(REPLY), "consent does not store what came before it");
        resident.says("My allotment and walking the dog", TestScript.SECOND_QUESTION);
        assertEquals(1, db.fetchCount(REPLY));
    }

    @Test
    void refusingConsentKeepsOnlyThatThisPersonRefused() {
        TelegramResident resident = chinwag.resident(CHAT);
        resident.says("/start", TestScript.ASKS_CONSENT);
        String typed = "Not sure about this, the buses near me are awful";
        resident.saysAndGets(typed, 1);
        resident.sendAndGet(telegram.press(CHAT, TestScript.CONSENT_NO), 1);
        String after = "Actually my GP is fine";
        resident.saysAndGets(after, 1);

        var db = chinwag.db();
        var p = db.selectFrom(PARTICIPANT).fetchOne();
        assertEquals("refused", p.getConsent());
        assertEquals(0, db.fetchCount(REPLY));
        assertEquals(0, db.fetchCount(REPLY_TAG));
        assertEquals(0, db.fetchCount(MESSAGE, MESSAGE.DIRECTION.eq("in"), MESSAGE.BODY.isNotNull()),
                "no inbound text kept: " + db.select(MESSAGE.BODY).from(MESSAGE).where(MESSAGE.DIRECTION.eq("in")).fetch());
        for (var m : db.selectFrom(MESSAGE).fetch()) {
            if (m.getBody() == null) continue;
            assertFalse(m.getBody().contains("buses near me"), m.getBody());
            assertFalse(m.getBody().contains("my GP is fine"), m.getBody());
        }
        assertNull(p.getArea());
        Leftovers.assertNotOnDisk(chinwag.databaseFile(), List.of(typed, after));
    }

    @Test
    void staffErasureByPseudonymLeavesNothingEither() throws Exception {
        TelegramResident other = bystander();
        TelegramResident resident = chinwag.resident(CHAT);
        fullConversation(resident);
        chinwag.awaitAllSent();
        assertHeldSomethingToErase();
        var db = chinwag.db();
        var footprint = Leftovers.capture(db, "telegram", String.valueOf(CHAT), SAID);
        String pseudonym = db.select(PARTICIPANT.PSEUDONYM).from(PARTICIPANT)
                .where(PARTICIPANT.CHANNEL_USER_ID.eq(String.valueOf(CHAT))).fetchOne().value1();

        String token = service.createToken("dpo");
        assertEquals(401, delete("/api/participants/" + pseudonym, null).statusCode());
        HttpResponse<String> erased = delete("/api/participants/" + pseudonym, token);
        assertEquals(200, erased.statusCode(), erased.body());
        assertEquals(404, delete("/api/participants/" + pseudonym, token).statusCode());

        Leftovers.assertNothingLeft(db, footprint);
        Leftovers.assertNotOnDisk(chinwag.databaseFile(), footprint);
        assertEquals(1, db.fetchCount(PARTICIPANT), "the bystander is untouched");
        other.says("The bus fares are far too expensive", TestScript.REFLECT_ASKS);
    }

    @Test
    void forgetInTheWebChatLeavesNothingOnDiskEither() {
        WebChatClient chat = chinwag.webResident();
        String said = "The cycle path by the canal floods every winter";
        chat.press(chat.say("/start"), "yes");
        chat.say(said);
        var db = chinwag.db();
        String channelId = db.select(PARTICIPANT.CHANNEL_USER_ID).from(PARTICIPANT)
                .where(PARTICIPANT.CHANNEL.eq("web")).fetchOne().value1();
        var footprint = Leftovers.capture(db, "web", channelId, List.of(said));

        List<JsonNode> confirm = chat.say("/forget");
        JsonNode ended = chat.pressAndRead(WebChatClient.buttons(confirm).get(0));
        assertTrue(ended.get("session_ended").asBoolean(), ended.toString());

        Leftovers.assertNothingLeft(db, footprint);
        Leftovers.assertNotOnDisk(chinwag.databaseFile(), footprint);
        Leftovers.assertNotOnDisk(chinwag.databaseFile(), List.of(chat.session));
    }

    private HttpResponse<String> delete(String path, String token) {
        return service.request("DELETE", path, token == null ? Map.of() : Map.of("Authorization", "Bearer " + token), null);
    }
}
