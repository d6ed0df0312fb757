package org.chinwag.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** At every step of the default script: stickers, blank text, stray text and stale buttons never move it on. */
class UnexpectedInputTest {

    static final Set<String> BUTTON_STEPS = Set.of("consent", "about_you", "age_band", "optin");

    static Stream<Checkpoint> everyStep() {
        return Checkpoint.along(ConversationScenariosTest.HAPPY_PATH).stream();
    }

    static Stream<Checkpoint> buttonSteps() {
        return everyStep().filter(c -> BUTTON_STEPS.contains(c.step()));
    }

    @Test
    void theWalkVisitsEveryAskingStep() {
        assertEquals(List.of("consent", "healthy", "barriers", "followup", "one_thing", "about_you", "area", "age_band",
                "community", "optin"), everyStep().map(Checkpoint::step).toList());
    }

    @ParameterizedTest(name = "sticker at {0}")
    @MethodSource("everyStep")
    void stickerIsPolitelyRefusedAndTheQuestionReasked(Checkpoint at) {
        Chat chat = at.chat().send("<sticker>");
        assertEquals(at.state(), chat.state);
        assertEquals(List.of(), chat.last.effects());
        assertEquals(List.of(Outbound.text(Chat.text(BotText.UNSUPPORTED)), at.question()), chat.last.messages());
    }

    @ParameterizedTest(name = "blank text at {0}")
    @MethodSource("everyStep")
    void blankTextReasks(Checkpoint at) {
        for (String blank : List.of("", "   ", "\n")) {
            Chat chat = at.chat().send(blank);
            assertEquals(at.state(), chat.state);
            assertEquals(List.of(), chat.last.effects());
            assertEquals(List.of(at.question()), chat.last.messages());
        }
    }

    @ParameterizedTest(name = "stray text at {0}")
    @MethodSource("buttonSteps")
    void strayTextAtAButtonStepGetsAGentleReask(Checkpoint at) {
        Chat chat = at.chat().send("banana bread");
        assertEquals(at.state(), chat.state);
        assertEquals(List.of(), chat.last.effects());
        assertEquals(List.of(Outbound.text(Chat.text(BotText.NOT_UNDERSTOOD)), at.question()), chat.last.messages());
    }

    @ParameterizedTest(name = "old button at {0}")
    @MethodSource("everyStep")
    void aButtonFromAnEarlierMessageIsNotTakenAsTheAnswer(Checkpoint at) {
        String stale = at.step().equals("consent") ? "optin:yes" : "consent:yes";
        for (String value : List.of(stale, "_forget:yes", "nonsense")) {
            Turn turn = new Engine(Chat.SCRIPTS).step(at.state(), new Inbound.ButtonPress(value, "Yes"), Signals.NONE);
            assertEquals(at.state(), turn.state());
            assertEquals(List.of(), turn.effects());
            assertEquals(List.of(at.question()), turn.messages());
        }
    }

    @ParameterizedTest(name = "every question has its buttons at {0}")
    @MethodSource("everyStep")
    void everyButtonStepOffersItsButtons(Checkpoint at) {
        Step step = Chat.script().require(at.step());
        int expected = step.options().size() + (step.skippable() ? 1 : 0);
        assertEquals(expected, at.question().buttons().size());
        assertTrue(at.question().buttons().stream().allMatch(b -> b.value().startsWith(at.step() + ":")));
    }

    @Test
    void channelsMayPassNullTextOrCapitalisedCommands() {
        Checkpoint barriers = Checkpoint.along(ConversationScenariosTest.TO_BARRIERS).get(2);
        Engine engine = new Engine(Chat.SCRIPTS);
        assertEquals(barriers.state(), engine.step(barriers.state(), new Inbound.Text(null), Signals.NONE).state());
        Turn stop = engine.step(barriers.state(), new Inbound.Command("STOP", null), Signals.NONE);
        assertEquals(ConversationState.Status.STOPPED, stop.state().status());
    }

    @Test
    void veryLongTextIsAccepted() {
        String essay = "The buses. ".repeat(2000);
        Chat chat = Checkpoint.along(ConversationScenariosTest.TO_BARRIERS).get(2).chat().send(essay);
        assertEquals("followup", chat.state.step());
        assertEquals(new Effect.ReplyGiven("barriers", essay.strip()), chat.last.effects().get(0));
    }

    @Test
    void aBareButtonValueWorksToo() {
        Checkpoint consent = everyStep().findFirst().orElseThrow();
        Turn turn = new Engine(Chat.SCRIPTS).step(consent.state(), new Inbound.ButtonPress("yes", null), Signals.NONE);
        assertEquals("healthy", turn.state().step());
    }
}
