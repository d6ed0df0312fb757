package org.chinwag.channel.telegram;

import static org.chinwag.store.schema.Tables.MESSAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.chinwag.testing.FakeBotApi;
import org.chinwag.testing.RunningService;

/** What the Telegram tests share: the settings, a conversation driver, and awaits. */
final class TelegramTesting {

    static final String TOKEN = "123456:TEST-token-abcdefghij";
    static final String SECRET = "webhook-secret_42";
    static final Duration WAIT = Duration.ofSeconds(10);

    private TelegramTesting() {}

    static Map<String, String> pollingSettings(FakeBotApi telegram) {
        return Map.of("CHINWAG_TELEGRAM_TOKEN", TOKEN, "CHINWAG_TELEGRAM_API_URL", telegram.url());
    }

    /** Webhook mode; the public URL only needs to look right, as the fake never calls it. */
    static Map<String, String> webhookSettings(FakeBotApi telegram) {
        Map<String, String> env = new HashMap<>(pollingSettings(telegram));
        env.put("CHINWAG_TELEGRAM_MODE", "webhook");
        env.put("CHINWAG_TELEGRAM_WEBHOOK_SECRET", SECRET);
        env.put("CHINWAG_PUBLIC_URL", "https://chat.example.org/");
        return env;
    }

    /**
     * Sends updates the way the mode under test receives them (queued for getUpdates, or posted to
     * the webhook) and waits for the bot's answer.
     */
    static final class Resident {
        final FakeBotApi telegram;
        final long chatId;
        private final Consumer<ObjectNode> deliver;

        Resident(FakeBotApi telegram, long chatId, Consumer<ObjectNode> deliver) {
            this.telegram = telegram;
            this.chatId = chatId;
            this.deliver = deliver;
        }

        static Resident polling(FakeBotApi telegram, long chatId) {
            return new Resident(telegram, chatId, telegram::enqueue);
        }

        static Resident webhook(FakeBotApi telegram, RunningService service, long chatId) {
            return new Resident(telegram, chatId, update -> postToWebhook(telegram, service, update));
        }

        int seen() {
            return telegram.sentTo(chatId).size();
        }

        /** Sends the update and waits for a reply containing {@code expect}. */
        FakeBotApi.SentMessage send(ObjectNode update, String expect) {
            int before = seen();
            deliver.accept(update);
            return telegram.awaitText(chatId, before, expect, WAIT);
        }

        FakeBotApi.SentMessage says(String text, String expect) {
            return send(telegram.text(chatId, text), expect);
        }

        FakeBotApi.SentMessage presses(String label, String expect) {
            return send(telegram.press(chatId, label), expect);
        }

        /** The Big Chat from /start to the thanks, skipping the about-you questions and opting in. */
        void completesTheBigChat() {
            FakeBotApi.SentMessage consent = says("/start", "Are you happy to chat?");
            assertFalse(consent.buttons().isEmpty(), "consent comes with buttons");
            presses("Yes, I'm happy to chat", "what helps you stay healthy");
            says("Walking in Roundhay Park with my neighbour", "What gets in the way");
            // the classifier hears transport; the bot reflects it back and the resident confirms
            says("The buses stop running at 7pm", "It sounds like getting around matters to you");
            presses("Yes, that's right", "where do you need to get to");
            says("Evening buses would let me see my friends", "one thing");
            says("A bench at the bus stop", "tell us a little about yourself");
            presses("Skip", "what happens next");
            presses("Yes please", "Thank you so much for chatting");
        }
    }

    /** Posts the update (given an id if it has none) to the service's webhook with the secret; expects 200. */
    static HttpResponse<String> postToWebhook(FakeBotApi telegram, RunningService service, ObjectNode update) {
        if (!update.hasNonNull("update_id")) update.put("update_id", telegram.nextUpdateId());
        HttpResponse<String> response = telegram.deliverWebhook(service.url(TelegramWebhook.PATH), SECRET, update.toString());
        assertEquals(200, response.statusCode(), "webhook answer: " + response.body());
        return response;
    }

    static final List<String> ANSWERS = List.of("Walking in Roundhay Park with my neighbour",
            "The buses stop running at 7pm", "Evening buses would let me see my friends", "A bench at the bus stop");

    static JsonNode json(String body) {
        try {
            return new ObjectMapper().readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    /** The replies API as an integration sees it. */
    static JsonNode replies(RunningService service) {
        String token = service.createToken("test-" + System.nanoTime());
        HttpResponse<String> response = service.get("/api/replies?limit=1000", token);
        assertEquals(200, response.statusCode(), response.body());
        return json(response.body());
    }

    static void assertRepliesStoredUnderPseudonym(RunningService service, long chatId) {
        HttpResponse<String> raw = service.get("/api/replies?limit=1000", service.createToken("raw-" + System.nanoTime()));
        assertFalse(raw.body().contains(String.valueOf(chatId)), "the chat id must not appear in the replies API");
        JsonNode replies = json(raw.body()).get("replies");
        List<String> texts = new java.util.ArrayList<>();
        replies.forEach(r -> texts.add(r.get("text").asText()));
        assertTrue(texts.containsAll(ANSWERS), "all answers stored: " + texts);
        String pseudonym = replies.get(0).get("participant").asText();
        assertTrue(pseudonym.startsWith("P-"), "a pseudonym, not a channel id: " + pseudonym);
        replies.forEach(r -> assertEquals(pseudonym, r.get("participant").asText()));
        replies.forEach(r -> assertEquals("telegram", r.get("channel").asText()));
    }

    static int inboundCount(RunningService service) {
        return service.service().database().dsl().fetchCount(MESSAGE, MESSAGE.DIRECTION.eq("in"));
    }

    static int messageCount(RunningService service) {
        return service.service().database().dsl().fetchCount(MESSAGE);
    }

    static void await(String what, BooleanSupplier condition) {
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
