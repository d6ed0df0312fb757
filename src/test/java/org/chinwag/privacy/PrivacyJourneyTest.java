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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.chinwag.testing.FakeBotApi;
import org.chinwag.testing.Leftovers;
import org.chinwag.testing.RunningService;
import org.chinwag.testing.TelegramResident;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is kept about a resident, what staff see of it, and that erasure leaves nothing anywhere. */
class PrivacyJourneyTest {

    static final long CHAT = 5_550_123_987L;
    static final long BYSTANDER = 5_550_777_111L;

    static final String HEALTHY = "Walking to my GP surgery and the gym keeps me well";
    static final String BARRIERS = "The buses are rubbish and I can't get a GP appointment";
    static final String FOLLOWUP = "The surgery phone line is engaged every single morning";
    static final String DISCLOSURE = "Honestly I don't want to be here anymore, I've been thinking about ending it";
    static final List<String> SAID = List.of(HEALTHY, BARRIERS, FOLLOWUP, DISCLOSURE);

    @TempDir Path dir;
    FakeBotApi telegram;
    RunningService service;

    @BeforeEach
    void start() {
        telegram = FakeBotApi.start(TelegramResident.TOKEN);
        service = RunningService.start(dir, TelegramResident.pollingSettings(telegram));
    }

    @AfterEach
    void stop() {
        if (service != null) service.close();
        telegram.close();
    }

    /** A whole conversation: tagged replies, a confirmed theme (participant tags) and a safeguarding flag. */
    static void fullConversation(TelegramResident resident) {
        resident.consents();
        resident.says(HEALTHY, "What gets in the way");
        resident.says(BARRIERS, "Did I get that right?");
        resident.presses("Yes, that's right", "Thanks");
        resident.says(FOLLOWUP, "one thing");
        int before = resident.seen();
        resident.telegram.enqueue(resident.telegram.text(resident.chatId, DISCLOSURE));
        FakeBotApi.SentMessage first = resident.telegram.awaitSent(resident.chatId, before + 1, TelegramResident.WAIT).get(before);
        assertTrue(first.text().contains("116 123"), first.text());
    }

    /** Someone else, who must be untouched by the erasure. */
    private TelegramResident bystander() {
        TelegramResident other = new TelegramResident(telegram, BYSTANDER);
        other.consents();
        other.says("Swimming at the leisure centre", "What gets in the way");
        return other;
    }

    private void assertHeldSomethingToErase() {
        var db = service.service().database().dsl();
        assertTrue(db.fetchCount(REPLY_TAG) > 0, "tags were stored");
        assertTrue(db.fetchCount(REPLY_TAG, REPLY_TAG.SOURCE.eq("participant")) > 0, "a confirmed theme was stored");
        assertTrue(db.fetchCount(SAFEGUARDING_FLAG) > 0, "a flag was raised");
    }

    @Test
    void forgetAfterAFullConversationLeavesNothingAboutThatPersonAnywhere() {
        TelegramResident other = bystander();
        TelegramResident resident = new TelegramResident(telegram, CHAT);
        fullConversation(resident);
        assertHeldSomethingToErase();
        var db = service.service().database().dsl();
        var footprint = Leftovers.capture(db, "telegram", String.valueOf(CHAT), SAID);

        resident.says("/forget", "delete everything");
        resident.presses("Yes, delete it", "we've deleted everything");
        TelegramResident.await("the goodbye sent and its recipient cleared",
                () -> db.fetchCount(MESSAGE, MESSAGE.RECIPIENT.isNotNull()) == 0
                        && db.fetchCount(MESSAGE, MESSAGE.DIRECTION.eq("out"), MESSAGE.STATUS.eq("pending")) == 0);

        Leftovers.assertNothingLeft(db, footprint);
        Leftovers.assertNotOnDisk(databaseFile(), footprint);
        assertEquals(1, db.fetchCount(PARTICIPANT), "the bystander is untouched");
        other.says("The bus fares are far too expensive", "Did I get that right?");
    }

    @Test
    void staffSeeMasksWhereResidentsTypedContactDetailsButTheResidentSeesTheirOwnWords() {
        TelegramResident resident = new TelegramResident(telegram, CHAT);
        resident.consents();
        String first = "Walking from 12 Tong Road to the park, call me on 07700 900123 or jo.bloggs@example.com";
        String second = "Buses near LS12 3AB are rare and my NHS number is 943 476 5919";
        resident.says(first, "What gets in the way");
        resident.saysAndGets(second, 1);
        List<String> originals = List.of("12 Tong Road", "07700 900123", "jo.bloggs@example.com", "LS12 3AB", "943 476 5919");
        List<String> masks = List.of("[address]", "[phone]", "[email]", "[postcode]", "[NHS number]");

        String token = service.createToken("analyst");
        HttpResponse<String> json = service.get("/api/replies?limit=1000", token);
        assertEquals(200, json.statusCode(), json.body());
        JsonNode replies = TelegramResident.json(json.body()).get("replies");
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
        TelegramResident resident = new TelegramResident(telegram, CHAT);
        resident.says("/start", "Are you happy to chat?");
        resident.saysAndGets("The buses near me are awful and the GP never answers", 1);
        var db = service.service().database().dsl();
        assertEquals(0, db.fetchCount(REPLY), "no reply before consent");
        assertEquals(0, db.fetchCount(REPLY_TAG));
        resident.presses("Yes, I'm happy to chat", "what helps you stay healthy");
        assertEquals(0, db.fetchCount(REPLY), "consent does not store what came before it");
        resident.says("My allotment and walking the dog", "What gets in the way");
        assertEquals(1, db.fetchCount(REPLY));
    }

    @Test
    void refusingConsentKeepsOnlyThatThisPersonRefused() {
        TelegramResident resident = new TelegramResident(telegram, CHAT);
        resident.says("/start", "Are you happy to chat?");
        String typed = "Not sure about this, the buses near me are awful";
        resident.saysAndGets(typed, 1);
        int before = resident.seen();
        telegram.enqueue(telegram.press(CHAT, "No thanks"));
        telegram.awaitSent(CHAT, before + 1, TelegramResident.WAIT);
        String after = "Actually my GP is fine";
        resident.saysAndGets(after, 1);

        var db = service.service().database().dsl();
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
        Leftovers.assertNotOnDisk(databaseFile(), List.of(typed, after));
    }

    @Test
    void staffErasureByPseudonymLeavesNothingEither() throws Exception {
        TelegramResident other = bystander();
        TelegramResident resident = new TelegramResident(telegram, CHAT);
        fullConversation(resident);
        TelegramResident.await("the turn sent", () -> service.service().database().dsl()
                .fetchCount(MESSAGE, MESSAGE.DIRECTION.eq("out"), MESSAGE.STATUS.eq("pending")) == 0);
        assertHeldSomethingToErase();
        var db = service.service().database().dsl();
        var footprint = Leftovers.capture(db, "telegram", String.valueOf(CHAT), SAID);
        String pseudonym = db.select(PARTICIPANT.PSEUDONYM).from(PARTICIPANT)
                .where(PARTICIPANT.CHANNEL_USER_ID.eq(String.valueOf(CHAT))).fetchOne().value1();

        String token = service.createToken("dpo");
        assertEquals(401, delete("/api/participants/" + pseudonym, null).statusCode());
        HttpResponse<String> erased = delete("/api/participants/" + pseudonym, token);
        assertEquals(200, erased.statusCode(), erased.body());
        assertEquals(404, delete("/api/participants/" + pseudonym, token).statusCode());

        Leftovers.assertNothingLeft(db, footprint);
        Leftovers.assertNotOnDisk(databaseFile(), footprint);
        assertEquals(1, db.fetchCount(PARTICIPANT), "the bystander is untouched");
        other.says("The bus fares are far too expensive", "Did I get that right?");
    }

    @Test
    void forgetInTheWebChatLeavesNothingOnDiskEither() {
        HttpResponse<String> opened = service.post("/chat/api/session", "application/json", "", java.util.Map.of());
        assertEquals(201, opened.statusCode(), opened.body());
        String session = TelegramResident.json(opened.body()).get("session").asText();
        String said = "The cycle path by the canal floods every winter";
        JsonNode consent = web(session, "{\"id\": \"webstart01\", \"text\": \"/start\"}");
        web(session, pressFirst("webyes0001", consent));
        web(session, "{\"id\": \"webtext001\", \"text\": \"" + said + "\"}");
        var db = service.service().database().dsl();
        String channelId = db.select(PARTICIPANT.CHANNEL_USER_ID).from(PARTICIPANT)
                .where(PARTICIPANT.CHANNEL.eq("web")).fetchOne().value1();
        var footprint = Leftovers.capture(db, "web", channelId, List.of(said));

        JsonNode confirm = web(session, "{\"id\": \"webforget1\", \"text\": \"/forget\"}");
        JsonNode ended = web(session, pressFirst("webforget2", confirm));
        assertTrue(ended.get("session_ended").asBoolean(), ended.toString());

        Leftovers.assertNothingLeft(db, footprint);
        Leftovers.assertNotOnDisk(databaseFile(), footprint);
        Leftovers.assertNotOnDisk(databaseFile(), List.of(session));
    }

    /** Posts one web chat message and returns the JSON answer. */
    private JsonNode web(String session, String body) {
        HttpResponse<String> response = service.post("/chat/api/messages", "application/json", body,
                java.util.Map.of("X-Chinwag-Session", session));
        assertEquals(200, response.statusCode(), response.body());
        return TelegramResident.json(response.body());
    }

    /** Presses the first button of the last bot message that offered any (consent yes, forget yes). */
    private static String pressFirst(String id, JsonNode answer) {
        JsonNode button = null;
        for (JsonNode message : answer.get("messages")) {
            if (message.path("buttons").size() > 0) button = message.get("buttons").get(0);
        }
        assertTrue(button != null, "a button was offered: " + answer);
        var body = TelegramResident.json("{}");
        ((com.fasterxml.jackson.databind.node.ObjectNode) body).put("id", id).putObject("button")
                .put("value", button.get("value").asText()).put("label", button.get("label").asText());
        return body.toString();
    }

    private Path databaseFile() {
        return dir.resolve("chinwag.db");
    }

    private HttpResponse<String> delete(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.url(path))).timeout(Duration.ofSeconds(10)).DELETE();
        if (token != null) request.header("Authorization", "Bearer " + token);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
