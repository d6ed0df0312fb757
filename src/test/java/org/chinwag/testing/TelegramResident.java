package org.chinwag.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;

/** One resident talking to the running service through the fake Bot API (long polling). */
public final class TelegramResident {

    public static final String TOKEN = "123456:TEST-token-abcdefghij";
    public static final Duration WAIT = Duration.ofSeconds(20);

    public final FakeBotApi telegram;
    public final long chatId;

    public TelegramResident(FakeBotApi telegram, long chatId) {
        this.telegram = telegram;
        this.chatId = chatId;
    }

    public static java.util.Map<String, String> pollingSettings(FakeBotApi telegram) {
        return java.util.Map.of("CHINWAG_TELEGRAM_TOKEN", TOKEN, "CHINWAG_TELEGRAM_API_URL", telegram.url());
    }

    public int seen() {
        return telegram.sentTo(chatId).size();
    }

    public List<FakeBotApi.SentMessage> sent() {
        return telegram.sentTo(chatId);
    }

    /** Types {@code text} and waits for a bot message containing {@code expect}; returns that message. */
    public FakeBotApi.SentMessage says(String text, String expect) {
        int before = seen();
        telegram.enqueue(telegram.text(chatId, text));
        return telegram.awaitText(chatId, before, expect, WAIT);
    }

    public FakeBotApi.SentMessage presses(String label, String expect) {
        int before = seen();
        telegram.enqueue(telegram.press(chatId, label));
        return telegram.awaitText(chatId, before, expect, WAIT);
    }

    /** Types {@code text} and returns the messages the bot sent in answer (waits for {@code count}). */
    public List<FakeBotApi.SentMessage> saysAndGets(String text, int count) {
        int before = seen();
        telegram.enqueue(telegram.text(chatId, text));
        List<FakeBotApi.SentMessage> all = telegram.awaitSent(chatId, before + count, WAIT);
        return all.subList(before, all.size());
    }

    /** /start and consent given: ready for the first question. */
    public void consents() {
        says("/start", "Are you happy to chat?");
        presses("Yes, I'm happy to chat", "what helps you stay healthy");
    }

    public static JsonNode json(String body) {
        try {
            return new ObjectMapper().readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    public static void await(String what, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
