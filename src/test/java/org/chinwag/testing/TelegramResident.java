package org.chinwag.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One resident talking to the running service through the fake Bot API. Updates reach the service
 * the way the harness's mode receives them (queued for getUpdates, or posted to the webhook), and
 * each step waits for the bot's answer. Get one from {@link ChinwagHarness#resident(long)}.
 */
public final class TelegramResident {

    public final FakeBotApi telegram;
    public final long chatId;
    private final Consumer<ObjectNode> deliver;

    public TelegramResident(FakeBotApi telegram, long chatId, Consumer<ObjectNode> deliver) {
        this.telegram = telegram;
        this.chatId = chatId;
        this.deliver = deliver;
    }

    public int seen() {
        return telegram.sentTo(chatId).size();
    }

    public List<FakeBotApi.SentMessage> sent() {
        return telegram.sentTo(chatId);
    }

    /** Sends the update, waiting for nothing. */
    public void sends(ObjectNode update) {
        deliver.accept(update);
    }

    /** Sends the update and waits for a reply containing {@code expect}; returns that reply. */
    public FakeBotApi.SentMessage send(ObjectNode update, String expect) {
        int before = seen();
        deliver.accept(update);
        return telegram.awaitText(chatId, before, expect, ChinwagHarness.WAIT);
    }

    /** Types {@code text} and waits for a bot message containing {@code expect}; returns that message. */
    public FakeBotApi.SentMessage says(String text, String expect) {
        return send(telegram.text(chatId, text), expect);
    }

    public FakeBotApi.SentMessage presses(String label, String expect) {
        return send(telegram.press(chatId, label), expect);
    }

    /** Sends the update and returns the messages the bot sent in answer (waits for {@code count}). */
    public List<FakeBotApi.SentMessage> sendAndGet(ObjectNode update, int count) {
        int before = seen();
        deliver.accept(update);
        List<FakeBotApi.SentMessage> all = telegram.awaitSent(chatId, before + count, ChinwagHarness.WAIT);
        return all.subList(before, all.size());
    }

    /** Types {@code text} and returns the messages the bot sent in answer (waits for {@code count}). */
    public List<FakeBotApi.SentMessage> saysAndGets(String text, int count) {
        return sendAndGet(telegram.text(chatId, text), count);
    }

    /** /start and consent given, on the test script: ready for the first question. */
    public void consents() {
        FakeBotApi.SentMessage consent = says("/start", TestScript.ASKS_CONSENT);
        assertFalse(consent.buttons().isEmpty(), "consent comes with buttons");
        presses(TestScript.CONSENT_YES, TestScript.FIRST_QUESTION);
    }

    /**
     * The test script from /start to the thanks with {@link #ANSWERS}: the stub hears travel in the
     * second answer, the resident confirms it, skips the about-you questions and opts in.
     */
    public void completesTheTestChat() {
        consents();
        says(ANSWERS.get(0), TestScript.SECOND_QUESTION);
        says(ANSWERS.get(1), TestScript.REFLECTS_TRAVEL);
        presses(TestScript.REFLECT_YES, TestScript.FOLLOWUP_TRAVEL);
        says(ANSWERS.get(2), TestScript.LAST_QUESTION);
        says(ANSWERS.get(3), TestScript.ABOUT_YOU);
        presses("Skip", TestScript.OPT_IN);
        presses("Yes please", TestScript.THANKS);
    }

    /**
     * The replies API shows {@code answers} from this resident, under a pseudonym and never the chat
     * id, all from Telegram.
     */
    public void assertAnswersStoredUnderPseudonym(RunningService service, List<String> answers) {
        HttpResponse<String> raw = service.get("/api/replies?limit=1000", service.createToken("raw-" + System.nanoTime()));
        assertFalse(raw.body().contains(String.valueOf(chatId)), "the chat id must not appear in the replies API");
        JsonNode replies = ChinwagHarness.json(raw.body()).get("replies");
        List<String> texts = new ArrayList<>();
        replies.forEach(r -> texts.add(r.get("text").asText()));
        assertTrue(texts.containsAll(answers), "all answers stored: " + texts);
        String pseudonym = replies.get(0).get("participant").asText();
        assertTrue(pseudonym.startsWith("P-"), "a pseudonym, not a channel id: " + pseudonym);
        replies.forEach(r -> assertEquals(pseudonym, r.get("participant").asText()));
        replies.forEach(r -> assertEquals("telegram", r.get("channel").asText()));
    }

    /** What {@link #completesTheTestChat()} answers, in order. */
    public static final List<String> ANSWERS = List.of("Walking in Roundhay Park with my neighbour",
            "The buses stop running at 7pm", "Evening buses would let me see my friends", "A bench at the bus stop");
}
