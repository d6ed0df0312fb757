package org.chinwag.channel.telegram;

import static org.chinwag.testing.ChinwagHarness.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.chinwag.conversation.Outbound;
import org.chinwag.messages.SendFailure;
import org.chinwag.testing.FakeBotApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sender on its own against the fake Bot API: what goes out, and how Telegram's refusals are read. */
class TelegramSenderTest {

    static final long CHAT = 9_876_543_210L;
    final FakeBotApi telegram = FakeBotApi.start(TOKEN);
    final TelegramSender sender = new TelegramSender(TOKEN, URI.create(telegram.url()));

    @AfterEach
    void close() {
        sender.close();
        telegram.close();
    }

    @Test
    void sendsTextWithShortButtonsTwoToARowAndLongOnesOneToARow() throws SendFailure {
        sender.send(String.valueOf(CHAT), new Outbound("Which age group are you in?", List.of(
                new Outbound.Button("Under 16", "age:under_16"), new Outbound.Button("16–24", "age:16_to_24"),
                new Outbound.Button("Prefer not to say", "age:prefer_not_to_say"))));
        sender.send(String.valueOf(CHAT), new Outbound("Are you happy to chat?", List.of(
                new Outbound.Button("Yes, I'm happy to chat", "yes"), new Outbound.Button("No thanks", "no"))));
        sender.send(String.valueOf(CHAT), Outbound.text("Thanks"));

        List<FakeBotApi.SentMessage> sent = telegram.awaitSent(CHAT, 3, Duration.ofSeconds(5));
        assertEquals(List.of(List.of("Under 16", "16–24"), List.of("Prefer not to say")), sent.get(0).buttonRows());
        assertEquals("age:16_to_24", sent.get(0).buttons().get(1).data());
        assertEquals(List.of(List.of("Yes, I'm happy to chat"), List.of("No thanks")), sent.get(1).buttonRows());
        assertNull(sent.get(2).replyMarkup());
        assertEquals("Thanks", sent.get(2).text());
    }

    @Test
    void aTooLongTextGoesAsSeveralMessagesWithTheButtonsOnTheLast() throws SendFailure {
        String paragraph = "word ".repeat(600).strip();
        String text = paragraph + "\n\n" + paragraph + "\n\n" + paragraph;
        sender.send(String.valueOf(CHAT), new Outbound(text, List.of(new Outbound.Button("OK", "ok"))));
        List<FakeBotApi.SentMessage> sent = telegram.awaitSent(CHAT, 2, Duration.ofSeconds(5));
        assertTrue(sent.stream().allMatch(m -> m.text().length() <= TelegramSender.MAX_TEXT));
        assertNull(sent.get(0).replyMarkup());
        assertEquals("ok", sent.get(sent.size() - 1).buttons().get(0).data());
        assertEquals(text.replaceAll("\\s+", " "), String.join(" ", sent.stream().map(FakeBotApi.SentMessage::text).toList())
                .replaceAll("\\s+", " "));
        for (int i = 1; i < sent.size(); i++) {
            assertTrue(telegram.requestedAtNanos(sent.get(i)) - telegram.requestedAtNanos(sent.get(i - 1))
                    >= TelegramSender.PER_CHAT_GAP.toNanos(), "the parts go to the chat a second apart");
        }
    }

    @Test
    void aButtonValueOverSixtyFourBytesIsLeftOutRatherThanLosingTheMessage() throws SendFailure {
        sender.send(String.valueOf(CHAT), new Outbound("Pick one", List.of(
                new Outbound.Button("Fine", "fine"), new Outbound.Button("Too long", "x".repeat(65)))));
        FakeBotApi.SentMessage sent = telegram.awaitSent(CHAT, 1, Duration.ofSeconds(5)).get(0);
        assertEquals(List.of(new FakeBotApi.Button("Fine", "fine")), sent.buttons());
    }

    @Test
    void telegramsRefusalsBecomeTheOutboxsKindsOfFailure() {
        telegram.failNextWithTooManyRequests("sendMessage", 7);
        SendFailure limited = refused();
        assertEquals(SendFailure.Kind.RETRY, limited.kind());
        assertEquals(Duration.ofSeconds(7), limited.retryAfter());

        telegram.failNext("sendMessage", 502, "Bad Gateway", null);
        assertEquals(SendFailure.Kind.RETRY, refused().kind());

        telegram.failNextAsBlocked("sendMessage");
        SendFailure blocked = refused();
        assertEquals(SendFailure.Kind.BLOCKED, blocked.kind());
        assertTrue(blocked.getMessage().contains("blocked by the user"), blocked.getMessage());

        telegram.failNext("sendMessage", 400, "Bad Request: chat not found", null);
        assertEquals(SendFailure.Kind.PERMANENT, refused().kind());

        SendFailure invalid = assertThrows(SendFailure.class, () -> sender.send("", Outbound.text("no chat id")));
        assertEquals(SendFailure.Kind.PERMANENT, invalid.kind(), "refused by the client itself");
    }

    @Test
    void aWrongTokenOrNoServerIsRetriedAndTheTokenIsNeverInTheReason() throws Exception {
        String otherToken = "654321:WRONG-token-abcdefghij";
        try (TelegramSender wrong = new TelegramSender(otherToken, URI.create(telegram.url()))) {
            SendFailure unauthorized = assertThrows(SendFailure.class, () -> wrong.send(String.valueOf(CHAT), Outbound.text("hi")));
            assertEquals(SendFailure.Kind.RETRY, unauthorized.kind(), "keep the message until the token is fixed");
            assertFalse(unauthorized.getMessage().contains("WRONG-token"), unauthorized.getMessage());
        }
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (TelegramSender unreachable = new TelegramSender(TOKEN, URI.create("http://127.0.0.1:" + closedPort))) {
            SendFailure down = assertThrows(SendFailure.class, () -> unreachable.send(String.valueOf(CHAT), Outbound.text("hi")));
            assertEquals(SendFailure.Kind.RETRY, down.kind());
            assertNull(down.retryAfter());
            assertFalse(down.getMessage().contains("TEST-token"), down.getMessage());
        }
    }

    @Test
    void registersTheWebhookWithItsSecretAndUpdateTypes() throws SendFailure {
        sender.setWebhook("https://chat.example.org/telegram/webhook", "s3cret");
        FakeBotApi.Webhook hook = telegram.webhook();
        assertEquals("https://chat.example.org/telegram/webhook", hook.url());
        assertEquals("s3cret", hook.secretToken());
        assertTrue(hook.allowedUpdates().toString().contains("edited_message"));
    }

    private SendFailure refused() {
        return assertThrows(SendFailure.class, () -> sender.send(String.valueOf(CHAT), Outbound.text("hello")));
    }
}
