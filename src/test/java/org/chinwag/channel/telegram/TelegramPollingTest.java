package org.chinwag.channel.telegram;

import static org.chinwag.testing.ChinwagHarness.WAIT;
import static org.chinwag.testing.ChinwagHarness.await;
import static org.chinwag.store.schema.Tables.MESSAGE;
import static org.chinwag.store.schema.Tables.PARTICIPANT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.chinwag.testing.ChinwagHarness;
import org.chinwag.testing.FakeBotApi;
import org.chinwag.testing.TelegramResident;
import org.chinwag.testing.TestScript;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The whole service in long-polling mode, talking to the fake Bot API through the real TelegramBots client. */
class TelegramPollingTest {

    /** Above 2^32, as real chat ids can be. */
    static final long CHAT = 5_000_000_001L;
    static final long OTHER_CHAT = 5_000_000_002L;
    static final String SORRY = TestScript.UNSUPPORTED;

    @RegisterExtension final ChinwagHarness chinwag = ChinwagHarness.polling().build();
    FakeBotApi telegram;

    @BeforeEach
    void bot() {
        telegram = chinwag.telegram();
    }

    @Test
    void aWholeChatByLongPolling() {
        TelegramResident resident = chinwag.resident(CHAT);
        resident.completesTheTestChat();

        assertTrue(telegram.calls("deleteWebhook").size() >= 1, "polling starts by deleting any webhook");
        telegram.awaitCalls("answerCallbackQuery", 3, WAIT); // every button press is answered
        resident.assertAnswersStoredUnderPseudonym(chinwag.service(), TelegramResident.ANSWERS);
        String stored = chinwag.db().select(PARTICIPANT.CHANNEL_USER_ID).from(PARTICIPANT).fetchOne().value1();
        assertEquals("5000000001", stored, "chat ids beyond 32 bits are kept exactly");
        await("every update confirmed to Telegram", () -> telegram.unconfirmedUpdates() == 0);
    }

    @Test
    void theSameUpdateTwiceInOneBatchIsStoredAndAnsweredOnce() {
        TelegramResident resident = chinwag.resident(CHAT);
        resident.consents();
        int before = resident.seen();

        ObjectNode answer = telegram.text(CHAT, "The library and the swimming pool");
        telegram.enqueueTogether(answer, answer);
        resident.says("Nothing really", TestScript.FOLLOWUP_GENERIC);

        List<FakeBotApi.SentMessage> sent = telegram.sentTo(CHAT);
        assertTrue(sent.get(before).text().contains(TestScript.SECOND_QUESTION), "one answer to the first copy");
        assertTrue(sent.get(before + 1).text().contains(TestScript.FOLLOWUP_GENERIC), "nothing for the second copy");
        assertEquals(1, chinwag.db().fetchCount(MESSAGE,
                MESSAGE.EXTERNAL_ID.eq(answer.get("update_id").asText())));
    }

    @Test
    void restartMidConversationResumesAtTheSameStepAndIgnoresRedeliveredUpdates() {
        TelegramResident resident = chinwag.resident(CHAT);
        resident.consents();
        ObjectNode answer = telegram.text(CHAT, "My allotment");
        resident.send(answer, TestScript.SECOND_QUESTION);

        chinwag.service().restart();
        // as if the service had stopped after storing the update but before Telegram heard so
        int before = resident.seen();
        telegram.enqueue(answer.deepCopy());
        resident.says("Hills and no buses", TestScript.REFLECTS_TRAVEL);
        assertTrue(telegram.sentTo(CHAT).get(before).text().contains(TestScript.REFLECTS),
                "the redelivered update got no second answer");

        JsonNode replies = chinwag.replies().get("replies");
        assertEquals(2, replies.size(), replies.toString());
        assertEquals("healthy", replies.get(0).get("question").asText());
        assertEquals("My allotment", replies.get(0).get("text").asText());
        assertEquals("barriers", replies.get(1).get("question").asText());
        assertEquals("Hills and no buses", replies.get(1).get("text").asText());
    }

    @Test
    void aRateLimitedReplyWaitsForRetryAfterAndArrivesOnce() {
        telegram.failNextWithTooManyRequests("sendMessage", 1);
        TelegramResident resident = chinwag.resident(CHAT);
        resident.says("/start", TestScript.ASKS_CONSENT);

        await("the refused message resent", () -> telegram.sentTo(CHAT).stream().anyMatch(m -> m.text().equals(TestScript.WELCOME)));
        assertSentOnceEach(CHAT);
        int delivered = telegram.sentTo(CHAT).size();
        assertEquals(delivered + 1, telegram.awaitCalls("sendMessage", delivered + 1, WAIT).size(), "one refused attempt");
    }

    @Test
    void aServerErrorIsRetriedAndTheReplyArrivesOnce() {
        telegram.failNext("sendMessage", 500, "Internal Server Error", null);
        TelegramResident resident = chinwag.resident(CHAT);
        resident.says("/start", TestScript.ASKS_CONSENT);

        await("the refused message resent", () -> telegram.sentTo(CHAT).stream().anyMatch(m -> m.text().equals(TestScript.WELCOME)));
        assertSentOnceEach(CHAT);
        int delivered = telegram.sentTo(CHAT).size();
        assertEquals(delivered + 1, telegram.awaitCalls("sendMessage", delivered + 1, WAIT).size(), "one refused attempt");
    }

    @Test
    void someoneWhoBlockedTheBotIsMarkedInactiveAndOthersCarryOn() {
        TelegramResident blocker = chinwag.resident(CHAT);
        blocker.says("/start", TestScript.ASKS_CONSENT);
        telegram.failNextAsBlocked("sendMessage");
        telegram.enqueue(telegram.press(CHAT, TestScript.CONSENT_YES));
        await("the participant marked inactive", () -> !active(CHAT));

        TelegramResident other = chinwag.resident(OTHER_CHAT);
        other.consents();
        assertTrue(active(OTHER_CHAT));
        assertFalse(active(CHAT));

        // they unblock the bot (Telegram tells us nothing) and write: that alone makes them active again
        telegram.enqueue(telegram.myChatMember(CHAT, "member"));
        blocker.says("Swimming at the leisure centre", TestScript.SECOND_QUESTION);
        assertTrue(active(CHAT), "active again after writing");
    }

    @Test
    void thingsTheBotCannotReadGetAPoliteAnswerAndNothingBreaks() {
        TelegramResident resident = chinwag.resident(CHAT);
        resident.consents();

        resident.send(telegram.sticker(CHAT), SORRY);
        resident.send(telegram.photo(CHAT, "our park"), SORRY);
        resident.send(telegram.voice(CHAT), SORRY);
        resident.send(telegram.location(CHAT), SORRY);
        resident.send(telegram.edited(CHAT, "an edit"), SORRY);

        int inbound = chinwag.inboundCount();
        long group = -1001234567890L;
        telegram.enqueue(telegram.groupText(group, CHAT, "hello bot"));
        telegram.enqueue(telegram.groupText(group, OTHER_CHAT, "/start@" + FakeBotApi.BOT_USERNAME));
        telegram.enqueue(telegram.myChatMember(CHAT, "kicked"));
        telegram.enqueue(telegram.myChatMember(CHAT, "member"));
        telegram.enqueue("{\"update_id\":" + telegram.nextUpdateId() + ",\"poll\":{\"id\":\"p1\",\"question\":\"?\","
                + "\"options\":[],\"total_voter_count\":0,\"is_closed\":false,\"is_anonymous\":true,\"type\":\"regular\","
                + "\"allows_multiple_answers\":false}}");
        telegram.enqueue("{\"update_id\":" + telegram.nextUpdateId() + ",\"chat_join_request\":{\"chat\":{\"id\":-100555,"
                + "\"type\":\"supergroup\",\"title\":\"x\"},\"from\":{\"id\":42,\"is_bot\":false,\"first_name\":\"A\"},"
                + "\"user_chat_id\":42,\"date\":1}}");
        telegram.enqueue("{\"update_id\":" + telegram.nextUpdateId() + ",\"something_new\":{\"id\":1}}");

        resident.says("Cycling to work", TestScript.SECOND_QUESTION);
        List<FakeBotApi.SentMessage> toGroup = telegram.sentTo(group);
        assertEquals(1, toGroup.size(), "the group is told once that the bot only chats one-to-one");
        assertTrue(toGroup.get(0).text().contains("one-to-one"));
        assertEquals(inbound + 1, chinwag.inboundCount(), "nothing from the group or the other updates is stored");
        assertEquals(0, telegram.sentTo(OTHER_CHAT).size());
        await("every update confirmed", () -> telegram.unconfirmedUpdates() == 0);

        JsonNode replies = chinwag.replies().get("replies");
        assertEquals(1, replies.size(), "only the typed answer is a reply: " + replies);
        assertEquals("Cycling to work", replies.get(0).get("text").asText());
    }

    private boolean active(long chatId) {
        return chinwag.db().select(PARTICIPANT.ACTIVE).from(PARTICIPANT)
                .where(PARTICIPANT.CHANNEL.eq("telegram"), PARTICIPANT.CHANNEL_USER_ID.eq(String.valueOf(chatId)))
                .fetchOne().value1();
    }

    private void assertSentOnceEach(long chatId) {
        List<String> texts = telegram.sentTo(chatId).stream().map(FakeBotApi.SentMessage::text).toList();
        assertEquals(texts.size(), texts.stream().distinct().count(), "nothing sent twice: " + texts);
    }
}
