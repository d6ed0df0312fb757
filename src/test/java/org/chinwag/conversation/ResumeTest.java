package org.chinwag.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Restart safety: the state alone, stored as JSON and read back (as the messages layer does),
 * carries a conversation on exactly as if nothing had happened.
 */
class ResumeTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Checkpoint> everyStep() {
        return Checkpoint.along(ConversationScenariosTest.HAPPY_PATH).stream();
    }

    @ParameterizedTest(name = "stored as JSON at {0}, then carried on")
    @MethodSource("everyStep")
    void stateSurvivesJsonAndTheConversationCarriesOn(Checkpoint at) throws Exception {
        ConversationState reloaded = JSON.readValue(JSON.writeValueAsString(at.state()), ConversationState.class);
        assertEquals(at.state(), reloaded);

        Chat chat = new Chat(Chat.SCRIPTS, reloaded);
        chat.last = at.asked();
        chat.sendAll(at.rest());
        List<String> expected = ConversationScenariosTest.HAPPY_EFFECTS.subList(at.effectsSoFar(),
                ConversationScenariosTest.HAPPY_EFFECTS.size());
        assertEquals(expected, chat.briefEffects());
        assertEquals(ConversationState.Status.FINISHED, chat.state.status());
    }

    @ParameterizedTest(name = "welcome back at {0}")
    @MethodSource("everyStep")
    void resumeResendsTheCurrentQuestionWithItsButtons(Checkpoint at) {
        Turn turn = new Engine(Chat.SCRIPTS).resume(at.state());
        assertEquals(at.state(), turn.state());
        assertEquals(List.of(), turn.effects());
        assertEquals(List.of(Outbound.text(Chat.text(BotText.WELCOME_BACK)), at.question()), turn.messages());
    }

    @Test
    void resumeSaysNothingToAStoppedOrFinishedConversation() {
        Chat stopped = new Chat().sendAll(ConversationScenariosTest.TO_BARRIERS).send("/stop");
        Chat finished = new Chat().sendAll(ConversationScenariosTest.HAPPY_PATH);
        Chat declined = new Chat().sendAll(List.of("hi", "[No thanks]"));
        for (Chat chat : List.of(stopped, finished, declined)) {
            Turn turn = chat.engine.resume(chat.state);
            assertEquals(List.of(), turn.messages());
            assertEquals(List.of(), turn.effects());
            assertEquals(chat.state, turn.state());
        }
    }

    @Test
    void resumeWhileForgetIsPendingAsksTheConfirmationAgain() {
        Chat chat = new Chat().sendAll(ConversationScenariosTest.TO_BARRIERS).send("/forget");
        Turn turn = chat.engine.resume(chat.state);
        assertEquals(chat.last.messages(), turn.messages());
        assertEquals(Engine.PENDING_FORGET, turn.state().pending());
    }

    @Test
    void pendingForgetSurvivesJson() throws Exception {
        Chat chat = new Chat().sendAll(ConversationScenariosTest.TO_BARRIERS).send("/forget");
        chat.state = JSON.readValue(JSON.writeValueAsString(chat.state), ConversationState.class);
        chat.send("[Yes, delete it all]");
        assertEquals(List.of("forget"), Chat.brief(chat.last.effects()));
    }
}
