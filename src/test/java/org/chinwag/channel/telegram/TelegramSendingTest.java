package org.chinwag.channel.telegram;

import static org.chinwag.channel.telegram.TelegramTesting.*;
import static org.chinwag.store.schema.Tables.MESSAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chinwag.messages.Outbox;
import org.chinwag.testing.FakeBotApi;
import org.chinwag.testing.FakeBotApi.HoldPoint;
import org.chinwag.testing.RunningService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @TempDir Path dir;
    FakeBotApi telegram = FakeBotApi.start(TOKEN);
    RunningService service;

    @AfterEach
    void stop() {
        if (service != null) service.close();
        telegram.close();
    }

    private RunningService start(Map<String, String> settings) {
        service = RunningService.start(dir, settings);
        return service;
    }

    @Test
    void groupNoticesAreQueuedInTheOutboxAndPacedNotSentFromTheWebhook() {
        start(webhookSettings(telegram));
        int groups = 150;
        List<Long> groupIds = new ArrayList<>();
        for (int i = 0; i < groups; i++) {
            long group = -1_001_000_000_000L - i;
            groupIds.add(group);
            postToWebhook(telegram, service, telegram.groupText(group, CHAT, "hello everyone"));
        }
        assertEquals(groups, service.service().database().dsl().fetchCount(MESSAGE,
                MESSAGE.DIRECTION.eq("out"), MESSAGE.BODY.eq(TelegramUpdateHandler.GROUP_NOTICE)),
                "each notice stored in the outbox before the webhook answered");

        for (long group : groupIds) telegram.awaitSent(group, 1, Duration.ofSeconds(60));
        await("all sent", () -> service.service().database().dsl().fetchCount(MESSAGE, MESSAGE.STATUS.eq("pending")) == 0);
        for (long group : groupIds) assertEquals(1, telegram.sentTo(group).size(), "each group told once");
        // their pace (Telegram's ~30 a second per bot) is the outbox's: see OutboxTest
    }

    @Test
    void eachChatGetsAtMostOneMessageASecondEvenWhenTheyWriteInABurst() {
        start(pollingSettings(telegram));
        Resident resident = Resident.polling(telegram, CHAT);
        resident.says("/start", "Are you happy to chat?");
        resident.presses("Yes, I'm happy to chat", "what helps you stay healthy");
        // four messages at once, each answered with one or more messages
        telegram.enqueueTogether(telegram.text(CHAT, "/help"), telegram.text(CHAT, "Walking the dog"),
                telegram.text(CHAT, "/mydata"), telegram.text(CHAT, "/help"));
        await("every reply sent", () -> service.service().database().dsl().fetchCount(MESSAGE,
                MESSAGE.DIRECTION.eq("out"), MESSAGE.STATUS.eq("pending")) == 0
                && telegram.sentTo(CHAT).size() >= 8);

        List<FakeBotApi.SentMessage> sent = telegram.sentTo(CHAT);
        assertTrue(sent.get(0).text().startsWith("Hello!") && sent.get(1).text().contains("Are you happy to chat?"),
                "the two answers to /start, in order");
        for (int i = 1; i < sent.size(); i++) {
            long gap = telegram.requestedAtNanos(sent.get(i)) - telegram.requestedAtNanos(sent.get(i - 1));
            assertTrue(gap >= ONE_SECOND_NANOS, "message " + i + " came " + gap / 1_000_000 + " ms after the one before");
        }
    }

    @Test
    void aChatWhoseSendHangsDoesNotHoldUpAnotherChatsReply() {
        start(pollingSettings(telegram));
        FakeBotApi.Hold slowChat = telegram.holdSendsTo(CHAT, HoldPoint.BEFORE_ACCEPTING, 1);
        telegram.enqueue(telegram.text(CHAT, "/start"));
        slowChat.awaitHeld(1, WAIT);

        Resident other = Resident.polling(telegram, OTHER_CHAT);
        other.says("/start", "Are you happy to chat?");
        assertTrue(slowChat.holding(), "the other chat's replies arrived while the slow chat's send still hung");

        slowChat.release();
        List<FakeBotApi.SentMessage> slow = telegram.awaitSent(CHAT, 2, WAIT);
        assertTrue(slow.get(0).text().startsWith("Hello!") && slow.get(1).text().contains("Are you happy to chat?"),
                "the slow chat's messages in order");
        await("all sent", () -> service.service().database().dsl().fetchCount(MESSAGE, MESSAGE.STATUS.eq("pending")) == 0);
        assertEquals(2, telegram.sentTo(CHAT).size(), "each once");
    }

    @Test
    void theWebhookAnswersAButtonPressWithoutWaitingForAnswerCallbackQuery() {
        start(webhookSettings(telegram));
        Resident resident = Resident.webhook(telegram, service, CHAT);
        resident.says("/start", "Are you happy to chat?");
        FakeBotApi.Hold slowAnswer = telegram.hold("answerCallbackQuery", HoldPoint.BEFORE_ACCEPTING, 1, p -> true);

        HttpResponse<String> response = postToWebhook(telegram, service,
                telegram.press(CHAT, "Yes, I'm happy to chat"));
        assertEquals(200, response.statusCode());
        slowAnswer.awaitHeld(1, WAIT); // the answer went out after the webhook replied, and is still hanging
        assertTrue(slowAnswer.holding());
        telegram.awaitText(CHAT, 0, "what helps you stay healthy", WAIT);

        slowAnswer.release();
        telegram.awaitCalls("answerCallbackQuery", 1, WAIT);
    }

    // ---- delivery is at least once: the repeats counted here are the figures the README quotes ----

    @Test
    void aConnectionDroppedAfterTelegramTookAMessageRepeatsThatMessageOnlyOnce() {
        start(pollingSettings(telegram));
        List<Long> chats = chats(RESIDENTS);
        for (long chat : chats) telegram.dropNextSendsToAfterAccepting(chat, 1);
        for (long chat : chats) telegram.enqueue(telegram.text(chat, "/start"));

        for (long chat : chats) telegram.awaitText(chat, 0, "Are you happy to chat?", WAIT);
        await("nothing left to send", () -> pending() == 0);
        int repeats = 0;
        for (long chat : chats) {
            List<String> texts = texts(chat);
            assertEquals(3, texts.size(), "two answers to /start, the first twice: " + texts);
            assertEquals(texts.get(0), texts.get(1), "the message whose answer was lost, and only it, came twice");
            assertTrue(texts.get(2).contains("Are you happy to chat?"));
            repeats += texts.size() - (int) texts.stream().distinct().count();
        }
        assertEquals(RESIDENTS, repeats, "one repeat per dropped connection");
    }

    @Test
    void stoppingWhileTelegramHoldsMessagesItTookRepeatsEachOfThoseOnceAfterTheRestart() {
        start(pollingSettings(telegram));
        List<Long> chats = chats(IN_FLIGHT_AT_THE_STOP);
        List<FakeBotApi.Hold> answersLate = new ArrayList<>();
        for (long chat : chats) answersLate.add(telegram.holdSendsTo(chat, HoldPoint.AFTER_ACCEPTING, 1));
        for (long chat : chats) telegram.enqueue(telegram.text(chat, "/start"));
        // every chat's first message taken by Telegram, none of the answers back yet
        for (FakeBotApi.Hold hold : answersLate) hold.awaitHeld(1, WAIT);

        service.restart(); // the outbox cannot know those were delivered: to it they are still pending
        for (long chat : chats) telegram.awaitText(chat, 0, "Are you happy to chat?", WAIT);
        answersLate.forEach(FakeBotApi.Hold::release);
        await("nothing left to send", () -> pending() == 0);

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

    private int pending() {
        return service.service().database().dsl().fetchCount(MESSAGE, MESSAGE.DIRECTION.eq("out"), MESSAGE.STATUS.eq("pending"));
    }
}
