package org.chinwag.channel.telegram;

import static org.chinwag.testing.ChinwagHarness.WAIT;
import static org.chinwag.testing.ChinwagHarness.await;
import static org.chinwag.store.schema.Tables.MESSAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.chinwag.messages.Outbox;
import org.chinwag.testing.ChinwagHarness;
import org.chinwag.testing.FakeBotApi;
import org.chinwag.testing.FakeBotApi.HoldPoint;
import org.chinwag.testing.RunningService;
import org.chinwag.testing.TelegramResident;
import org.chinwag.testing.TestScript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How the whole service sends to Telegram: everything through the outbox, each chat at Telegram's
 * one message a second, chats independent of one another, and nothing the bot sends holding up
 * what it receives. Spacing is read from when the fake Bot API received each request.
 *
 * <p>Delivery is at least once: a message is marked sent only after Telegram answered that it took
 * it. When that answer never arrives (the connection drops, or the service stops or dies while
 * waiting), the message is sent again. The last tests count the repeats: exactly the messages that
 * were in flight, one per chat, and nothing else.
 */
class TelegramSendingTest {

    static final long CHAT = 8_100_000_001L;
    static final long OTHER_CHAT = 8_100_000_002L;
    static final int RESIDENTS = 12;
    static final int IN_FLIGHT_AT_THE_STOP = 5;
    static final long FIRST_CHAT = 8_200_000_001L;
    /** Clock readings are whole milliseconds; allow for that rounding on either side. */
    static final long ONE_SECOND_NANOS = Duration.ofMillis(1000 - 2).toNanos();

    /** Each test starts the one it needs. */
    @RegisterExtension final ChinwagHarness byPolling = ChinwagHarness.polling().startLater().build();
    @RegisterExtension final ChinwagHarness byWebhook = ChinwagHarness.webhook().startLater().build();
    ChinwagHarness chinwag;
    FakeBotApi telegram;
    RunningService service;

    private void start(ChinwagHarness harness) {
        chinwag = harness;
        telegram = harness.telegram();
        service = harness.start();
    }

    @Test
    void groupNoticesAreQueuedInTheOutboxAndPacedNotSentFromTheWebhook() {
        start(byWebhook);
        int groups = 150;
        List<Long> groupIds = new ArrayList<>();
        for (int i = 0; i < groups; i++) {
            long group = -1_001_000_000_000L - i;
            groupIds.add(group);
            chinwag.postToWebhook(telegram.groupText(group, CHAT, "hello everyone"));
        }
        assertEquals(groups, chinwag.db().fetchCount(MESSAGE,
                MESSAGE.DIRECTION.eq("out"), MESSAGE.BODY.eq(TelegramUpdateHandler.GROUP_NOTICE)),
                "each notice stored in the outbox before the webhook answered");

        for (long group : groupIds) telegram.awaitSent(group, 1, Duration.ofSeconds(60));
        await("all sent", () -> chinwag.db().fetchCount(MESSAGE, MESSAGE.STATUS.eq("pending")) == 0);
        for (long group : groupIds) assertEquals(1, telegram.sentTo(group).size(), "each group told once");
        // their pace (Telegram's ~30 a second per bot) is the outbox's: see OutboxTest
    }

    @Test
    void eachChatGetsAtMostOneMessageASecondEvenWhenTheyWriteInABurst() {
        start(byPolling);
        chinwag.resident(CHAT).consents();
        // four messages at once, each answered with one or more messages
        telegram.enqueueTogether(telegram.text(CHAT, "/help"), telegram.text(CHAT, "Walking the dog"),
                telegram.text(CHAT, "/mydata"), telegram.text(CHAT, "/help"));
        await("every reply sent", () -> chinwag.db().fetchCount(MESSAGE,
                MESSAGE.DIRECTION.eq("out"), MESSAGE.STATUS.eq("pending")) == 0
                && telegram.sentTo(CHAT).size() >= 8);

        List<FakeBotApi.SentMessage> sent = telegram.sentTo(CHAT);
        assertTrue(sent.get(0).text().equals(TestScript.WELCOME) && sent.get(1).text().contains(TestScript.ASKS_CONSENT),
                "the two answers to /start, in order");
        for (int i = 1; i < sent.size(); i++) {
            long gap = telegram.requestedAtNanos(sent.get(i)) - telegram.requestedAtNanos(sent.get(i - 1));
            assertTrue(gap >= ONE_SECOND_NANOS, "message " + i + " came " + gap / 1_000_000 + " ms after the one before");
        }
    }

    @Test
    void aChatWhoseSendHangsDoesNotHoldUpAnotherChatsReply() {
        start(byPolling);
        FakeBotApi.Hold slowChat = telegram.holdSendsTo(CHAT, HoldPoint.BEFORE_ACCEPTING, 1);
        telegram.enqueue(telegram.text(CHAT, "/start"));
        slowChat.awaitHeld(1, WAIT);

        chinwag.resident(OTHER_CHAT).says("/start", TestScript.ASKS_CONSENT);
        assertTrue(slowChat.holding(), "the other chat's replies arrived while the slow chat's send still hung");

        slowChat.release();
        List<FakeBotApi.SentMessage> slow = telegram.awaitSent(CHAT, 2, WAIT);
        assertTrue(slow.get(0).text().equals(TestScript.WELCOME) && slow.get(1).text().contains(TestScript.ASKS_CONSENT),
                "the slow chat's messages in order");
        await("all sent", () -> chinwag.db().fetchCount(MESSAGE, MESSAGE.STATUS.eq("pending")) == 0);
        assertEquals(2, telegram.sentTo(CHAT).size(), "each once");
    }

    @Test
    void theWebhookAnswersAButtonPressWithoutWaitingForAnswerCallbackQuery() {
        start(byWebhook);
        TelegramResident resident = chinwag.resident(CHAT);
        resident.says("/start", TestScript.ASKS_CONSENT);
        FakeBotApi.Hold slowAnswer = telegram.hold("answerCallbackQuery", HoldPoint.BEFORE_ACCEPTING, 1, p -> true);

        HttpResponse<String> response = chinwag.postToWebhook(telegram.press(CHAT, TestScript.CONSENT_YES));
        assertEquals(200, response.statusCode());
        slowAnswer.awaitHeld(1, WAIT); // the answer went out after the webhook replied, and is still hanging
        assertTrue(slowAnswer.holding());
        telegram.awaitText(CHAT, 0, TestScript.FIRST_QUESTION, WAIT);

        slowAnswer.release();
        telegram.awaitCalls("answerCallbackQuery", 1, WAIT);
    }

    // ---- delivery is at least once: the repeats counted here are the figures the README quotes ----

    @Test
    void aConnectionDroppedAfterTelegramTookAMessageRepeatsThatMessageOnlyOnce() {
        start(byPolling);
        List<Long> chats = chats(RESIDENTS);
        for (long chat : chats) telegram.dropNextSendsToAfterAccepting(chat, 1);
        for (long chat : chats) telegram.enqueue(telegram.text(chat, "/start"));

        for (long chat : chats) telegram.awaitText(chat, 0, TestScript.ASKS_CONSENT, WAIT);
        chinwag.awaitAllSent();
        int repeats = 0;
        for (long chat : chats) {
            List<String> texts = texts(chat);
            assertEquals(3, texts.size(), "two answers to /start, the first twice: " + texts);
            assertEquals(texts.get(0), texts.get(1), "the message whose answer was lost, and only it, came twice");
            assertTrue(texts.get(2).contains(TestScript.ASKS_CONSENT));
            repeats += texts.size() - (int) texts.stream().distinct().count();
        }
        assertEquals(RESIDENTS, repeats, "one repeat per dropped connection");
    }

    @Test
    void stoppingWhileTelegramHoldsMessagesItTookRepeatsEachOfThoseOnceAfterTheRestart() {
        start(byPolling);
        List<Long> chats = chats(IN_FLIGHT_AT_THE_STOP);
        List<FakeBotApi.Hold> answersLate = new ArrayList<>();
        for (long chat : chats) answersLate.add(telegram.holdSendsTo(chat, HoldPoint.AFTER_ACCEPTING, 1));
        for (long chat : chats) telegram.enqueue(telegram.text(chat, "/start"));
        // every chat's first message taken by Telegram, none of the answers back yet
        for (FakeBotApi.Hold hold : answersLate) hold.awaitHeld(1, WAIT);

        service.restart(); // the outbox cannot know those were delivered: to it they are still pending
        for (long chat : chats) telegram.awaitText(chat, 0, TestScript.ASKS_CONSENT, WAIT);
        answersLate.forEach(FakeBotApi.Hold::release);
        chinwag.awaitAllSent();

        int repeats = 0;
        for (long chat : chats) {
            List<String> texts = texts(chat);
            assertEquals(3, texts.size(), "two answers to /start, the one in flight twice: " + texts);
            assertEquals(texts.get(0), texts.get(1));
            repeats += texts.size() - (int) texts.stream().distinct().count();
        }
        assertEquals(IN_FLIGHT_AT_THE_STOP, repeats, "one repeat per message in flight at the stop");
        assertTrue(repeats <= Outbox.SENDING_THREADS, "never more than the sends that can be in flight at once");
    }

    private static List<Long> chats(int count) {
        List<Long> chats = new ArrayList<>();
        for (int i = 0; i < count; i++) chats.add(FIRST_CHAT + i);
        return chats;
    }

    private List<String> texts(long chat) {
        return telegram.sentTo(chat).stream().map(FakeBotApi.SentMessage::text).toList();
    }
}
