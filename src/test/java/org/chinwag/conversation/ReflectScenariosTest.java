package org.chinwag.conversation;

import static org.chinwag.conversation.Chat.stepText;
import static org.chinwag.conversation.Chat.text;
import static org.chinwag.conversation.ConversationScenariosTest.TO_BARRIERS;
import static org.chinwag.conversation.ConversationScenariosTest.concat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reflect step of the tests' own script: what the classifier heard in the answer to "barriers" is
 * said back; the resident confirms, corrects (picks themes) or skips; the follow-up is then worded
 * for the theme they settled on. A trailing {@code {themes}} on an input is what the classifier heard.
 */
class ReflectScenariosTest {

    static final Step REFLECT = Chat.script().require("reflect");
    static final Step FOLLOWUP = Chat.script().require("followup");
    static final List<String> BEFORE = List.of("started test-chat/1", "consent test-chat/1", "reply healthy=Walking in the park");
    static final String BUSES_AND_GP = "Buses and my GP {transport,gp_access}";
    static final List<String> AT_REFLECT = concat(TO_BARRIERS, BUSES_AND_GP);
    static final List<String> PICKING = concat(AT_REFLECT, "[Not quite]");
    static final String HEARD_REPLY = "reply barriers=Buses and my GP";
    static final String LONELY = "Partly, but it's more that I'm lonely since my wife died";

    record Scenario(String name, List<String> inputs, String step, List<String> effects, String lastSaid) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Scenario> scenarios() {
        return Stream.of(
                row("two themes heard: said back and asked", AT_REFLECT, "reflect", List.of(HEARD_REPLY),
                        "I heard that travel and the doctor matter to you. Is that right?"),
                row("one theme heard: its own wording", concat(TO_BARRIERS, "The 42 {transport}"), "reflect",
                        List.of("reply barriers=The 42"), "I heard that travel matters to you. Is that right?"),
                row("three themes: X, Y and Z", concat(TO_BARRIERS, "All of it {green_spaces,crime_safety,transport}"), "reflect",
                        List.of("reply barriers=All of it"),
                        "I heard that parks, safety and travel matter to you."),
                row("one theme with a plural phrase: the plural wording", concat(TO_BARRIERS, "The shops {local_facilities}"),
                        "reflect", List.of("reply barriers=The shops"),
                        "I heard that local places matter to you. Is that right?"),
                row("themes the script has no words for are left out", concat(TO_BARRIERS, "Football {football,transport}"),
                        "reflect", List.of("reply barriers=Football"), "I heard that travel matters to you."),
                row("nothing heard: straight to the generic follow-up", concat(TO_BARRIERS, "Not sure {}"), "followup",
                        List.of("reply barriers=Not sure"), FOLLOWUP.text()),
                row("only unknown themes heard: straight to the follow-up", concat(TO_BARRIERS, "Football {football}"),
                        "followup", List.of("reply barriers=Football"), FOLLOWUP.text()),

                row("yes: confirmed, then the probe for the first theme", concat(AT_REFLECT, "[Yes, spot on]"), "followup",
                        List.of(HEARD_REPLY, "themes barriers=transport,gp_access"), FOLLOWUP.themeTexts().get("transport")),
                row("typed yeah confirms too", concat(AT_REFLECT, "yeah"), "followup",
                        List.of(HEARD_REPLY, "themes barriers=transport,gp_access"), FOLLOWUP.themeTexts().get("transport")),
                row("typed that's right confirms", concat(AT_REFLECT, "That’s right!"), "followup",
                        List.of(HEARD_REPLY, "themes barriers=transport,gp_access"), FOLLOWUP.themeTexts().get("transport")),
                row("typed wrong is not quite", concat(AT_REFLECT, "Wrong"), "reflect", List.of(HEARD_REPLY),
                        REFLECT.reflect().pickText()),
                row("skip: no judgement, the generic follow-up", concat(AT_REFLECT, "[Skip]"), "followup",
                        List.of(HEARD_REPLY), FOLLOWUP.text()),
                row("typed skip", concat(AT_REFLECT, "skip"), "followup", List.of(HEARD_REPLY), FOLLOWUP.text()),

                row("not quite: the themes to pick from", PICKING, "reflect", List.of(HEARD_REPLY), REFLECT.reflect().pickText()),
                row("typed no is not quite", concat(AT_REFLECT, "no"), "reflect", List.of(HEARD_REPLY), REFLECT.reflect().pickText()),
                row("a pick is acknowledged", concat(PICKING, "[The doctor]"), "reflect", List.of(HEARD_REPLY),
                        "Picked: the doctor. Pick more, then Done."),
                row("pick, done: the probe for the picked theme", concat(PICKING, "[The doctor]", "[Done]"), "followup",
                        List.of(HEARD_REPLY, "themes barriers=gp_access"), FOLLOWUP.themeTexts().get("gp_access")),
                row("pick two: the probe is for the first picked",
                        concat(PICKING, "[Parks]", "[Safety]", "[Done]"), "followup",
                        List.of(HEARD_REPLY, "themes barriers=green_spaces,crime_safety"), FOLLOWUP.themeTexts().get("green_spaces")),
                row("a second press un-picks", concat(PICKING, "[Parks]", "[Safety]",
                                "[✓ Parks]"), "reflect", List.of(HEARD_REPLY),
                        "Picked: safety. Pick more, then Done."),
                row("un-picked is left out when done", concat(PICKING, "[Parks]", "[Safety]",
                                "[✓ Parks]", "[Done]"), "followup",
                        List.of(HEARD_REPLY, "themes barriers=crime_safety"), FOLLOWUP.themeTexts().get("crime_safety")),
                row("none of these: an empty judgement, the generic follow-up", concat(PICKING, "[None of these]"), "followup",
                        List.of(HEARD_REPLY, "themes barriers="), FOLLOWUP.text()),
                row("typed none while picking", concat(PICKING, "none"), "followup",
                        List.of(HEARD_REPLY, "themes barriers="), FOLLOWUP.text()),
                row("done with nothing picked: no judgement", concat(PICKING, "[Done]"), "followup",
                        List.of(HEARD_REPLY), FOLLOWUP.text()),

                row("typed buses at the question picks transport", concat(AT_REFLECT, "buses"), "reflect",
                        List.of(HEARD_REPLY), "Picked: travel. Pick more, then Done."),
                row("typed words while picking add themes", concat(PICKING, "GP and parks", "done"), "followup",
                        List.of(HEARD_REPLY, "themes barriers=gp_access,green_spaces"), FOLLOWUP.themeTexts().get("gp_access")),
                row("typed button numbers while picking add themes", concat(PICKING, "3, 6", "[Done]"), "followup",
                        List.of(HEARD_REPLY, "themes barriers=green_spaces,local_activities"),
                        FOLLOWUP.themeTexts().get("green_spaces")),
                row("a number at the question is not a pick: it is kept", concat(AT_REFLECT, "2"), "reflect",
                        List.of(HEARD_REPLY, "reply reflect_correction=2"), REFLECT.reflect().notedText()),
                row("a sentence naming a theme is the resident's words, not a pick", concat(AT_REFLECT, LONELY), "reflect",
                        List.of(HEARD_REPLY, "reply reflect_correction=" + LONELY), REFLECT.reflect().notedText()),
                row("a sentence naming a theme, then Done: kept, and no judgement on the earlier answer",
                        concat(AT_REFLECT, LONELY, "[Done]"), "followup",
                        List.of(HEARD_REPLY, "reply reflect_correction=" + LONELY), FOLLOWUP.text()),
                row("a sentence while picking is kept; the picks so far stand", concat(PICKING, "[Safety]", LONELY, "[Done]"),
                        "followup", List.of(HEARD_REPLY, "reply reflect_correction=" + LONELY, "themes barriers=crime_safety"),
                        FOLLOWUP.themeTexts().get("crime_safety")),
                row("theme words with other words around them are kept", concat(AT_REFLECT, "it's the buses really"), "reflect",
                        List.of(HEARD_REPLY, "reply reflect_correction=it's the buses really"), REFLECT.reflect().notedText()),
                row("typed theme label while picking", concat(PICKING, "mental health", "ok"), "followup",
                        List.of(HEARD_REPLY, "themes barriers=mental_health"), FOLLOWUP.themeTexts().get("mental_health")),
                row("other typed words are kept as a correction", concat(AT_REFLECT, "More about housing really"), "reflect",
                        List.of(HEARD_REPLY, "reply reflect_correction=More about housing really"), REFLECT.reflect().notedText()),
                row("a correction, then none of these",
                        concat(PICKING, "Housing", "[None of these]"), "followup",
                        List.of(HEARD_REPLY, "reply reflect_correction=Housing", "themes barriers="), FOLLOWUP.text()),

                row("sticker at the question: asked again", concat(AT_REFLECT, "<sticker>"), "reflect", List.of(HEARD_REPLY),
                        text(BotText.UNSUPPORTED) + "\nI heard that travel and the doctor matter to you."),
                row("blank at the question: asked again", concat(AT_REFLECT, "  "), "reflect", List.of(HEARD_REPLY),
                        "I heard that travel and the doctor matter to you."),
                row("sticker while picking: the picks so far again", concat(PICKING, "[Safety]", "<sticker>"), "reflect",
                        List.of(HEARD_REPLY), text(BotText.UNSUPPORTED) + "\nPicked: safety."),
                row("blank while picking", concat(PICKING, ""), "reflect", List.of(HEARD_REPLY), REFLECT.reflect().pickText()),
                row("/help at the question re-asks it", concat(AT_REFLECT, "/help"), "reflect", List.of(HEARD_REPLY),
                        text(BotText.HELP) + "\nI heard that travel"),

                row("after the probe the rest carries on", concat(AT_REFLECT, "[Yes, spot on]", "The 42 at night", "More buses"),
                        "about_you", List.of(HEARD_REPLY, "themes barriers=transport,gp_access", "reply followup=The 42 at night",
                                "reply one_thing=More buses"), stepText("about_you")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void walks(Scenario s) {
        Chat chat = new Chat().sendAll(s.inputs());
        assertEquals(s.step(), chat.state.step(), "step");
        assertEquals(ConversationState.Status.ACTIVE, chat.state.status());
        assertEquals(concat(BEFORE, s.effects().toArray(String[]::new)), chat.briefEffects(), "effects, in order");
        assertTrue(chat.said().contains(s.lastSaid()), () -> "expected the bot to say\n  " + s.lastSaid() + "\nbut it said\n  " + chat.said());
    }

    @Test
    void theQuestionOffersYesNotQuiteAndSkip() {
        Outbound asked = last(new Chat().sendAll(AT_REFLECT));
        assertEquals(List.of("Yes, spot on", "Not quite", "Skip"), asked.buttons().stream().map(Outbound.Button::label).toList());
        assertEquals(List.of("reflect:yes", "reflect:no", "reflect:skip"), asked.buttons().stream().map(Outbound.Button::value).toList());
    }

    @Test
    void pickingOffersEveryThemeThenNoneAndDoneAndTicksThePicked() {
        Outbound asked = last(new Chat().sendAll(concat(PICKING, "[Travel]")));
        assertEquals(9, asked.buttons().size());
        assertEquals("✓ Travel", asked.buttons().get(0).label());
        assertEquals("reflect:theme.transport", asked.buttons().get(0).value());
        assertEquals(List.of("None of these", "Done"), asked.buttons().subList(7, 9).stream().map(Outbound.Button::label).toList());
        assertTrue(asked.buttons().stream().allMatch(b -> b.value().getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 64));
    }

    @Test
    void resumesMidPickAfterTheStateIsStoredAsJson() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Chat chat = new Chat().sendAll(concat(PICKING, "[Safety]"));
        ConversationState stored = json.readValue(json.writeValueAsString(chat.state), ConversationState.class);
        assertEquals(chat.state, stored);

        Turn welcomeBack = chat.engine.resume(stored);
        assertEquals(last(chat), welcomeBack.messages().get(1), "the picks so far, with the buttons");

        Chat resumed = new Chat(Chat.SCRIPTS, stored);
        resumed.last = welcomeBack;
        resumed.sendAll(List.of("[Travel]", "[Done]"));
        assertEquals(List.of("themes barriers=crime_safety,transport"), resumed.briefEffects());
        assertEquals("followup", resumed.state.step());
        assertNull(resumed.state.var(Reflecting.PICKS_VAR), "nothing of the pick is left in the state");
        assertNull(resumed.state.var(Reflecting.heardVar("barriers")));
    }

    @Test
    void aButtonFromAnotherMessageIsNotAnAnswer() {
        Chat atQuestion = new Chat().sendAll(AT_REFLECT);
        for (String stale : List.of("consent:yes", "reflect:theme.transport", "reflect:done", "reflect:nonsense")) {
            Turn turn = atQuestion.engine.step(atQuestion.state, new Inbound.ButtonPress(stale, "x"), Signals.NONE);
            assertEquals(atQuestion.state, turn.state(), stale);
            assertEquals(List.of(), turn.effects());
        }
        Chat picking = new Chat().sendAll(PICKING);
        for (String stale : List.of("reflect:yes", "reflect:skip", "reflect:theme.football", "optin:yes")) {
            Turn turn = picking.engine.step(picking.state, new Inbound.ButtonPress(stale, "x"), Signals.NONE);
            assertEquals(picking.state, turn.state(), stale);
            assertEquals(List.of(), turn.effects());
        }
    }

    @Test
    void riskAtTheReflectStepHoldsWithoutRecording() {
        Chat chat = new Chat().sendAll(AT_REFLECT);
        ConversationState before = chat.state;
        String reflection = chat.said();
        chat.send("I can't go on", new Signals(List.of(), true));
        assertEquals(before, chat.state);
        assertEquals(List.of(), chat.last.effects());
        assertTrue(reflection.endsWith(chat.said()), "the same reflection again: " + chat.said());
    }

    @Test
    void aRiskHoldAtBarriersReflectsTheAnswerThatMovesOn() {
        Chat chat = new Chat().sendAll(TO_BARRIERS).send("I can't cope", new Signals(List.of("mental_health"), true));
        assertEquals("barriers", chat.state.step());
        chat.send("The buses {transport}");
        assertTrue(chat.said().startsWith("I heard that travel matters"), chat.said());
    }

    @Test
    void themesHeardAreForgottenWhenTheQuestionIsAnsweredAgainWithoutThem() {
        // /restart and a new answer: the new answer's themes (none) are what counts
        Chat chat = new Chat().sendAll(concat(TO_BARRIERS, "/restart", "Parks", "Not sure {}"));
        assertEquals("followup", chat.state.step());
    }

    private static Outbound last(Chat chat) {
        return chat.last.messages().get(chat.last.messages().size() - 1);
    }

    static Scenario row(String name, List<String> inputs, String step, List<String> effects, String lastSaid) {
        return new Scenario(name, inputs, step, effects, lastSaid);
    }
}
