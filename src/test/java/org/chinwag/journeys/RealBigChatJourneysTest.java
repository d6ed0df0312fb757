package org.chinwag.journeys;

import static org.chinwag.store.schema.Tables.PARTICIPANT;
import static org.chinwag.testing.WebChatClient.lastText;
import static org.chinwag.testing.WebChatClient.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.chinwag.testing.ChinwagHarness;
import org.chinwag.testing.FakeBotApi;
import org.chinwag.testing.TelegramResident;
import org.chinwag.testing.WebChatClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The few whole journeys on what residents really meet: the bundled Big Chat script and the trained
 * models, over Telegram and in the web chat. Every other service test runs on the tests' own script
 * and the stub analyser; these (with {@code SafeguardingJourneyTest}) are the ones a wording change
 * in {@code intents/scripts/big-chat.yaml} or a retrain may need updated.
 */
class RealBigChatJourneysTest {

    static final long CHAT = 5_000_000_301L;
    static final List<String> ANSWERS = List.of("Walking in Roundhay Park with my neighbour",
            "The buses stop running at 7pm", "Evening buses would let me see my friends", "A bench at the bus stop");

    @RegisterExtension final ChinwagHarness chinwag = ChinwagHarness.polling().realScript().realAnalyser().build();

    @Test
    void theWholeBigChatOverTelegram() {
        TelegramResident resident = chinwag.resident(CHAT);
        FakeBotApi.SentMessage consent = resident.says("/start", "Are you happy to chat?");
        assertFalse(consent.buttons().isEmpty(), "consent comes with buttons");
        resident.presses("Yes, I'm happy to chat", "what helps you stay healthy");
        resident.says(ANSWERS.get(0), "What gets in the way");
        // the classifier hears transport; the bot reflects it back and the resident confirms
        resident.says(ANSWERS.get(1), "It sounds like getting around matters to you");
        resident.presses("Yes, that's right", "where do you need to get to");
        resident.says(ANSWERS.get(2), "one thing");
        resident.says(ANSWERS.get(3), "tell us a little about yourself");
        resident.presses("Skip", "what happens next");
        resident.presses("Yes please", "Thank you so much for chatting");

        chinwag.telegram().awaitCalls("answerCallbackQuery", 3, ChinwagHarness.WAIT);
        resident.assertAnswersStoredUnderPseudonym(chinwag.service(), ANSWERS);
        String stored = chinwag.db().select(PARTICIPANT.CHANNEL_USER_ID).from(PARTICIPANT).fetchOne().value1();
        assertEquals(String.valueOf(CHAT), stored);
    }

    @Test
    void theWholeBigChatInTheWebChat() {
        WebChatClient chat = chinwag.webResident();

        List<JsonNode> replies = chat.say("/start API-EVENT");
        assertTrue(lastText(replies).contains("Are you happy to chat?"), lastText(replies));
        replies = chat.press(replies, "yes"); // consent
        replies = chat.say("The park near my house and my walking group");
        replies = chat.say("Buses stop running early in the evening");
        assertTrue(lastText(replies).contains("getting around"), "the bot reflects back what it heard: " + lastText(replies));
        replies = chat.press(replies, "yes"); // "Yes, that's right"
        replies = chat.say("I miss the last bus home from the community centre");
        replies = chat.say("Keep the library open on Saturdays");
        replies = chat.press(replies, "skip"); // about you
        replies = chat.press(replies, "yes"); // opt in
        assertTrue(lastText(replies).contains("Thank you so much for chatting"), lastText(replies));

        JsonNode stored = read(chinwag.service().get("/api/replies?event=API-EVENT", chinwag.service().createToken("web")))
                .get("replies");
        List<String> answers = new ArrayList<>();
        stored.forEach(reply -> {
            assertEquals("big-chat", reply.get("script").asText());
            answers.add(reply.get("text").asText());
        });
        assertEquals(List.of("The park near my house and my walking group", "Buses stop running early in the evening",
                "I miss the last bus home from the community centre", "Keep the library open on Saturdays"), answers);
    }
}
