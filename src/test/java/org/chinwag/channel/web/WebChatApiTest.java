package org.chinwag.channel.web;

import static org.chinwag.testing.WebChatClient.lastText;
import static org.chinwag.testing.WebChatClient.read;
import static org.chinwag.store.schema.Tables.MESSAGE;
import static org.chinwag.store.schema.Tables.PARTICIPANT;
import static org.chinwag.store.schema.Tables.REPLY;
import static org.chinwag.store.schema.Tables.REPLY_TAG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chinwag.testing.ChinwagHarness;
import org.chinwag.testing.MovableClock;
import org.chinwag.testing.RunningService;
import org.chinwag.testing.StubAnalyser;
import org.chinwag.testing.TestScript;
import org.chinwag.testing.WebChatClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The web chat's JSON API over real HTTP on loopback, against the whole running service. */
class WebChatApiTest {

    @RegisterExtension final ChinwagHarness chinwag = ChinwagHarness.web().build();
    /** The service on a clock the test moves, for the rate limits. */
    final MovableClock clock = new MovableClock();
    @RegisterExtension final ChinwagHarness onAMovableClock = ChinwagHarness.web().clock(clock).startLater().build();
    RunningService service;

    @BeforeEach
    void start() {
        service = chinwag.service();
    }

    @Test
    void aNewSessionIsALongRandomSecretStoredOnlyAsItsHash() {
        WebChatClient first = WebChatClient.open(service);
        WebChatClient second = WebChatClient.open(service);

        assertNotEquals(first.session, second.session);
        assertTrue(first.session.length() >= 22, "at least 128 bits of base64");
        List<String> stored = service.service().database().dsl()
                .select(PARTICIPANT.CHANNEL_USER_ID).from(PARTICIPANT).where(PARTICIPANT.CHANNEL.eq("web")).fetch(PARTICIPANT.CHANNEL_USER_ID);
        assertEquals(2, stored.size());
        assertFalse(stored.contains(first.session), "the secret itself must never be stored");
        assertFalse(stored.stream().anyMatch(id -> id.contains(first.session) || id.contains(second.session)));
        assertTrue(stored.contains(WebSession.channelUserId(first.session)));
    }

    @Test
    void aFloodOfNewChatsOrMessagesIsSlowedWithRetryAfterAndNothingStored() {
        service = onAMovableClock.start();
        Map<String, String> viaProxy = Map.of("X-Forwarded-For", "203.0.113.9");
        for (int i = 0; i < 60; i++) {
            assertEquals(201, service.post("/chat/api/session", "application/json", "", viaProxy).statusCode(), "chat " + i);
        }
        HttpResponse<String> refused = service.post("/chat/api/session", "application/json", "", viaProxy);
        assertEquals(429, refused.statusCode());
        assertEquals("2", refused.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(read(refused).at("/error/message").asText().contains("Please wait 2 seconds"), refused.body());
        var db = service.service().database().dsl();
        assertEquals(60, db.fetchCount(PARTICIPANT), "the refused request stored nothing");
        assertEquals(201, service.post("/chat/api/session", "application/json", "",
                Map.of("X-Forwarded-For", "198.51.100.7")).statusCode(), "another resident behind the proxy is not held up");
        clock.advance(java.time.Duration.ofSeconds(2));
        assertEquals(201, service.post("/chat/api/session", "application/json", "", viaProxy).statusCode(), "refilled");

        WebChatClient resident = WebChatClient.open(service);
        for (int i = 0; i < 20; i++) resident.say("hello " + i);
        int stored = db.fetchCount(MESSAGE, MESSAGE.DIRECTION.eq("in"));
        HttpResponse<String> tooFast = resident.post("{\"id\":\"" + WebChatClient.newId() + "\",\"text\":\"again\"}");
        assertEquals(429, tooFast.statusCode(), tooFast.body());
        assertEquals(stored, db.fetchCount(MESSAGE, MESSAGE.DIRECTION.eq("in")), "nothing stored for the refused message");
        clock.advance(java.time.Duration.ofSeconds(2));
        resident.say("again, after a pause");
    }

    @Test
    void theBrowsersLanguageIsKeptLikeTelegramsLanguageCode() {
        assertEquals("en-GB", WebChat.language("en-GB,en;q=0.9"));
        assertEquals("cy", WebChat.language("cy;q=1"));
        assertEquals(null, WebChat.language("*"));
        assertEquals(null, WebChat.language(null));
    }

    @Test
    void aWholeConversationByApiEndsWithTheRepliesStoredAgainstTheEventCode() {
        WebChatClient chat = WebChatClient.open(service);

        List<JsonNode> replies = chat.say("/start API-EVENT");
        replies = chat.press(replies, "yes"); // consent
        replies = chat.say("The park near my house and my walking group");
        replies = chat.say("Buses stop running early in the evening");
        assertTrue(lastText(replies).contains(TestScript.REFLECTS_TRAVEL), "the bot reflects back what it heard: " + lastText(replies));
        replies = chat.press(replies, "yes"); // "Yes, spot on"
        replies = chat.say("I miss the last bus home from the community centre");
        replies = chat.say("Keep the library open on Saturdays");
        replies = chat.press(replies, "skip"); // about you
        replies = chat.press(replies, "yes"); // opt in
        assertTrue(lastText(replies).contains(TestScript.THANKS), lastText(replies));

        // the transcript holds both sides, oldest first, with the bot's buttons
        JsonNode transcript = read(chat.transcript(0)).get("messages");
        assertEquals("you", transcript.get(0).get("from").asText());
        assertEquals("/start API-EVENT", transcript.get(0).get("text").asText());
        assertEquals("bot", transcript.get(1).get("from").asText());
        assertTrue(texts(transcript).contains("Buses stop running early in the evening"));
        assertTrue(texts(transcript).contains("Yes please"), "a pressed button shows as its label");

        String token = service.createToken("web-test");
        JsonNode stored = read(service.get("/api/replies?event=API-EVENT", token)).get("replies");
        List<String> answers = new ArrayList<>();
        stored.forEach(reply -> {
            assertEquals("API-EVENT", reply.get("event").asText());
            assertEquals("web", reply.get("channel").asText());
            answers.add(reply.get("text").asText());
        });
        assertTrue(answers.containsAll(List.of("The park near my house and my walking group",
                "Buses stop running early in the evening", "I miss the last bus home from the community centre",
                "Keep the library open on Saturdays")), answers.toString());
    }

    @Test
    void aForgedButtonLabelIsNotStoredAsTheResidentsWords() {
        WebChatClient chat = WebChatClient.open(service);
        JsonNode yes = WebChatClient.buttons(chat.say("/start")).get(0);
        assertTrue(WebChatClient.matches(yes.get("value").asText(), "yes"), yes.toString());
        chat.sendOk(buttonBody(yes.get("value").asText(), "I do NOT consent"));

        var db = service.service().database().dsl();
        assertEquals(0, db.fetchCount(MESSAGE, MESSAGE.BODY.eq("I do NOT consent")), "the client's words are not stored");
        assertEquals(1, db.fetchCount(MESSAGE, MESSAGE.DIRECTION.eq("in"), MESSAGE.BODY.eq(yes.get("label").asText())),
                "the press is stored as the script's words for that button");
        assertTrue(texts(read(chat.transcript(0)).get("messages")).contains(yes.get("label").asText()));
    }

    /** Words typed at the reflect step are the resident's reply, analysed like any other; the earlier answer keeps its tags. */
    @Test
    void wordsTypedAtTheReflectStepAreStoredAsAReplyAndTheEarlierAnswerKeepsItsTags() {
        WebChatClient chat = WebChatClient.open(service);
        chat.press(chat.say("/start"), "yes");
        chat.say("Walking in the park");
        List<JsonNode> replies = chat.say("Buses stop running early in the evening");
        assertTrue(lastText(replies).contains(TestScript.REFLECTS_TRAVEL), lastText(replies));
        var db = service.service().database().dsl();
        int barriers = db.select(REPLY.ID).from(REPLY).where(REPLY.QUESTION_ID.eq("barriers")).fetchOne(REPLY.ID);
        List<String> tagsBefore = tags(barriers);

        String typed = "Partly, but it's more that I'm lonely since my wife died";
        replies = chat.say(typed);
        chat.press(replies, "done");

        var kept = db.selectFrom(REPLY).where(REPLY.BODY.eq(typed)).fetch();
        assertEquals(1, kept.size(), "the typed words are stored as a reply");
        assertEquals("reflect_correction", kept.get(0).getQuestionId());
        assertFalse(tags(kept.get(0).getId()).isEmpty(), "and tagged by the model like any other reply");
        assertEquals(tagsBefore, tags(barriers), "the earlier answer's tags are untouched");
    }

    private List<String> tags(int replyId) {
        return service.service().database().dsl().selectFrom(REPLY_TAG).where(REPLY_TAG.REPLY_ID.eq(replyId))
                .orderBy(REPLY_TAG.ID).fetch(t -> t.getSource() + ":" + t.getTheme());
    }

    /** The middle step in the browser: a gentle check-in with helplines, then the same question again. */
    @Test
    void weakSignsGetAGentleCheckInAndTheSameQuestionAgain() {
        WebChatClient chat = WebChatClient.open(service);
        List<JsonNode> replies = chat.press(chat.say("/start"), "yes");
        String question = lastText(replies);
        replies = chat.say("not been right for weeks, can't be bothered with anything");
        assertEquals(2, replies.size(), replies.toString());
        String checkIn = replies.get(0).get("text").asText();
        assertEquals(StubAnalyser.CHECK_SIGNPOSTING, checkIn);
        assertTrue(checkIn.contains("116 123") && checkIn.contains("85258"), checkIn);
        assertFalse(checkIn.contains("999"), "no emergency framing: " + checkIn);
        assertEquals(question, replies.get(1).get("text").asText(), "the question it was on, again");

        replies = chat.say("Walking with my sister on Sundays");
        assertFalse(lastText(replies).equals(question), "the next answer moves the chat on");
        JsonNode stored = read(service.get("/api/replies", service.createToken("web-test"))).get("replies");
        assertEquals(stored.get(0).get("question").asText(), stored.get(1).get("question").asText(),
                "both answers are stored against the question they answered: " + stored);
        JsonNode flags = read(service.get("/api/safeguarding", service.createToken("duty"))).get("flags");
        assertEquals("check", flags.get(0).get("level").asText(), flags.toString());
    }

    @Test
    void theOutboxMarksWebRepliesSentWithoutAnyNetwork() {
        WebChatClient chat = WebChatClient.open(service);
        chat.say("/start");
        // the outbox runs on its own thread: wait for it to pass over the rows
        chinwag.awaitAllSent();
        assertTrue(service.service().database().dsl().fetchCount(MESSAGE, MESSAGE.DIRECTION.eq("out"), MESSAGE.STATUS.eq("sent")) > 0);
    }

    @Test
    void theSameMessageIdIsStoredOnceAndTheRetryStillGetsTheReplies() {
        WebChatClient chat = WebChatClient.open(service);
        chat.press(chat.say("/start"), "yes");
        String body = "{\"id\": \"retry-0001\", \"text\": \"Green spaces and good neighbours\", \"after\": 0}";

        HttpResponse<String> first = chat.post(body);
        HttpResponse<String> again = chat.post(body);

        assertEquals(200, first.statusCode(), first.body());
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(1, service.service().database().dsl().fetchCount(MESSAGE, MESSAGE.BODY.eq("Green spaces and good neighbours")));
        assertEquals(read(first).get("messages"), read(again).get("messages"), "a retry sees the same conversation");
    }

    @Test
    void withoutARecognisedSessionNothingIsAnsweredOrStored() {
        WebChatClient chat = WebChatClient.open(service);
        int before = messageCount();

        HttpResponse<String> none = service.post("/chat/api/messages", "application/json",
                "{\"id\": \"abcdefgh\", \"text\": \"hello\"}", Map.of());
        HttpResponse<String> unknown = service.post("/chat/api/messages", "application/json",
                "{\"id\": \"abcdefgh\", \"text\": \"hello\"}", Map.of(WebChat.SESSION_HEADER, WebSession.newSecret()));
        HttpResponse<String> hashInsteadOfSecret = service.post("/chat/api/messages", "application/json",
                "{\"id\": \"abcdefgh\", \"text\": \"hello\"}", Map.of(WebChat.SESSION_HEADER, WebSession.channelUserId(chat.session)));
        HttpResponse<String> read = WebChatClient.get(service, "/chat/api/messages?after=0", null);

        for (HttpResponse<String> response : List.of(none, unknown, hashInsteadOfSecret, read)) {
            assertEquals(401, response.statusCode(), response.body());
            assertFalse(read(response).get("error").get("message").asText().isBlank());
        }
        assertEquals(before, messageCount());
    }

    @Test
    void badMessagesAreRefusedWithAClearReasonAndNothingStored() {
        WebChatClient chat = WebChatClient.open(service);
        chat.say("/start");
        int before = messageCount();

        Map<String, String> refusals = Map.of(
                "{\"id\": \"abcdefgh\", \"text\": ", "JSON",
                "[1, 2, 3]", "JSON object",
                "{\"id\": \"abcdefgh\", \"text\": \"\"}", "empty",
                "{\"id\": \"abcdefgh\", \"text\": \"   \\n  \"}", "empty",
                "{\"id\": \"abcdefgh\", \"text\": \"" + "a".repeat(4_001) + "\"}", "too long",
                "{\"text\": \"no id\"}", "'id'",
                "{\"id\": \"abcdefgh\", \"photo\": \"cat.jpg\"}", "'photo'",
                "{\"id\": \"abcdefgh\", \"text\": \"hi\", \"button\": {\"value\": \"yes\"}}", "either",
                "{\"id\": \"abcdefgh\", \"button\": {\"label\": \"Yes\"}}", "button.value");
        refusals.forEach((body, reason) -> {
            HttpResponse<String> response = chat.post(body);
            assertEquals(400, response.statusCode(), body);
            String message = read(response).get("error").get("message").asText();
            assertTrue(message.contains(reason), message);
        });
        assertEquals(before, messageCount(), "nothing stored for a refused message");

        HttpResponse<String> longest = chat.post("{\"id\": \"abcdefgh\", \"text\": \"" + "a".repeat(4_000) + "\"}");
        assertEquals(200, longest.statusCode(), "4,000 characters is allowed");
    }

    @Test
    void readingTheTranscriptNeedsAWholeNumberAfter() {
        WebChatClient chat = WebChatClient.open(service);
        chat.say("/start");

        assertEquals(400, chat.get("/chat/api/messages?after=-1", chat.session).statusCode());
        assertEquals(400, chat.get("/chat/api/messages?after=ten", chat.session).statusCode());
        JsonNode all = read(chat.get("/chat/api/messages", chat.session)).get("messages");
        int last = all.get(all.size() - 1).get("id").asInt();
        assertEquals(0, read(chat.transcript(last)).get("messages").size(), "nothing newer than the last message");
    }

    @Test
    void aBodyOver64KilobytesIsRefusedWith413() {
        WebChatClient chat = WebChatClient.open(service);
        chat.say("/start");
        int before = messageCount();

        HttpResponse<String> response = chat.post("{\"id\": \"abcdefgh\", \"text\": \"" + "a".repeat(70_000) + "\"}");

        assertEquals(413, response.statusCode());
        assertEquals(before, messageCount());
    }

    @Test
    void forgettingEndsTheSessionAndShowsTheGoodbye() {
        WebChatClient chat = WebChatClient.open(service);
        chat.press(chat.say("/start"), "yes");
        chat.say("Something I would rather delete");

        List<JsonNode> confirm = chat.say("/forget");
        JsonNode yes = WebChatClient.buttons(confirm).get(0);
        JsonNode response = chat.sendOk(confirmBody(yes));

        assertTrue(response.get("session_ended").asBoolean());
        assertEquals("bot", response.get("messages").get(0).get("from").asText());
        assertEquals(0, service.service().database().dsl().fetchCount(MESSAGE, MESSAGE.BODY.eq("Something I would rather delete")));
        assertEquals(401, chat.transcript(0).statusCode(), "the session is gone with the data");
    }

    @Test
    void aSessionCarriesOnAfterTheServiceRestarts() {
        WebChatClient chat = WebChatClient.open(service);
        chat.press(chat.say("/start"), "yes");
        chat.say("Walking by the canal");

        service.restart();

        JsonNode transcript = read(chat.transcript(0)).get("messages");
        assertTrue(texts(transcript).contains("Walking by the canal"));
        assertFalse(chat.say("The towpath is muddy and dark").isEmpty(), "the bot answers where it left off");
    }

    @Test
    void thePageIsServedAtTheRootAndAtChatWithItsOwnScriptAndStyles() {
        for (String path : List.of("/", "/chat", "/chat?code=LEEDS-MARKET")) {
            HttpResponse<String> page = WebChatClient.get(service, path, null);
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("<html lang=\"en-GB\">"));
            assertTrue(page.body().contains("role=\"log\""));
            assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
        }
        assertEquals(200, WebChatClient.get(service, "/static/chat.js", null).statusCode());
        assertEquals(200, WebChatClient.get(service, "/static/chat.css", null).statusCode());
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode confirmBody(JsonNode button) {
        return buttonBody(button.get("value").asText(), button.get("label").asText());
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode buttonBody(String value, String label) {
        var body = WebChatClient.JSON.createObjectNode().put("id", WebChatClient.newId());
        body.putObject("button").put("value", value).put("label", label);
        return body;
    }

    private int messageCount() {
        return service.service().database().dsl().fetchCount(MESSAGE);
    }

    private static List<String> texts(JsonNode items) {
        List<String> texts = new ArrayList<>();
        items.forEach(item -> texts.add(item.get("text").asText()));
        return texts;
    }
}
