package org.chinwag.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Themes shape the follow-up (once confirmed at the reflect step); risk holds the conversation where
 * it is and asks the same question again after the signposting (the safeguarding hook).
 */
class SignalsTest {

    static final Signals RISK = new Signals(List.of(), true);

    static Chat atBarriers() {
        return new Chat().sendAll(ConversationScenariosTest.TO_BARRIERS);
    }

    static Stream<Arguments> themes() {
        Step followup = Chat.script().require("followup");
        return Stream.of(
                Arguments.of(List.of(), followup.text()),
                Arguments.of(List.of("transport"), followup.themeTexts().get("transport")),
                Arguments.of(List.of("football", "gp_access", "transport"), followup.themeTexts().get("gp_access")),
                Arguments.of(List.of("football"), followup.text()));
    }

    @ParameterizedTest(name = "themes {0}")
    @MethodSource("themes")
    void theFollowUpReflectsTheFirstThemeWithItsOwnWording(List<String> themes, String expected) throws Exception {
        Chat chat = atBarriers().send("The 42 never turns up", new Signals(themes, false));
        // known themes are reflected back first; the follow-up is worded for the first one confirmed
        if (chat.state.step().equals("reflect")) chat.send("[Yes, spot on]");
        assertEquals("followup", chat.state.step());
        assertEquals(expected, chat.said());

        // a re-ask, even after a restart, uses the same wording
        chat.state = new ObjectMapper().readValue(new ObjectMapper().writeValueAsString(chat.state), ConversationState.class);
        chat.send("<sticker>");
        assertTrue(chat.said().endsWith(expected));
        chat.send("It's the evenings mostly");
        assertEquals("one_thing", chat.state.step());
        assertEquals(null, chat.state.var(Prompts.THEME_VAR), "the theme is forgotten once past the follow-up");
    }

    @Test
    void riskRecordsTheReplyAndAsksTheSameQuestionAgain() {
        Chat chat = atBarriers();
        ConversationState before = chat.state;
        String question = chat.said();
        chat.send("I can't cope any more", RISK);
        assertEquals(before, chat.state);
        assertEquals(List.of("reply barriers=I can't cope any more"), Chat.brief(chat.last.effects()));
        assertTrue(question.endsWith(chat.said()), "the question again, after the signposting the messages layer sends: " + chat.said());
        assertEquals(Chat.script().require("barriers").text(), chat.said());

        chat.send("The buses", Signals.NONE);
        assertEquals("followup", chat.state.step());
        assertEquals(List.of("reply barriers=The buses"), Chat.brief(chat.last.effects()));
    }

    @Test
    void riskBeforeConsentRecordsNothingAndAsksForConsentAgain() {
        Chat chat = new Chat().send("hi").send("please help me", RISK);
        assertEquals("consent", chat.state.step());
        assertEquals(List.of(), chat.last.effects());
        assertEquals(1, chat.last.messages().size());
        assertEquals(Chat.script().require("consent").text(), chat.said());
        chat.send(ConversationScenariosTest.YES);
        assertEquals("healthy", chat.state.step(), "the consent buttons still work");
    }

    @Test
    void riskAtAButtonStepHoldsWithoutRecordingAndOffersTheButtonsAgain() {
        Chat chat = new Chat().sendAll(ConversationScenariosTest.TO_ABOUT_YOU).send("[OK]").send("[Skip]");
        ConversationState atAge = chat.state;
        chat.send("nobody cares about me", RISK);
        assertEquals(atAge, chat.state);
        assertEquals(List.of(), chat.last.effects());
        assertTrue(chat.last.messages().get(0).buttons().size() > 1, "the age buttons again");
    }

    @Test
    void riskAfterTheEndIsRecordedQuietly() {
        Chat chat = new Chat().sendAll(ConversationScenariosTest.HAPPY_PATH).send("I feel hopeless", RISK);
        assertEquals(List.of("reply after_end=I feel hopeless"), Chat.brief(chat.last.effects()));
        assertEquals(List.of(), chat.last.messages());
    }

    @Test
    void nullSignalsMeanNone() {
        Turn turn = new Engine(Chat.SCRIPTS).step(atBarriers().state, new Inbound.Text("buses"), null);
        assertEquals("followup", turn.state().step());
    }
}
