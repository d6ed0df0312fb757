package org.chinwag.conversation;

import static org.chinwag.conversation.Chat.stepText;
import static org.chinwag.conversation.Chat.text;
import static org.chinwag.conversation.ConversationState.Status.ACTIVE;
import static org.chinwag.conversation.ConversationState.Status.DECLINED;
import static org.chinwag.conversation.ConversationState.Status.FINISHED;
import static org.chinwag.conversation.ConversationState.Status.STOPPED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.chinwag.conversation.ConversationState.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The tests' own script (the Big Chat's shape, see TestScript) walked through every branch: each row is what a resident sends, where the
 * conversation ends up, every effect recorded along the way (in order), and what the bot said last.
 */
class ConversationScenariosTest {

    static final String YES = "[Yes, let's begin]";
    static final List<String> TO_BARRIERS = List.of("hi", YES, "Walking in the park");
    static final List<String> TO_ABOUT_YOU = List.of("hi", YES, "Walking in the park", "The buses are unreliable",
            "The 42 is always late", "More buses in the evening");
    static final List<String> TO_OPTIN = concat(TO_ABOUT_YOU, "[OK]", "LS12", "[25–44]", "Carers group");
    static final List<String> HAPPY_PATH = concat(TO_OPTIN, "[Yes please]");

    static final List<String> BEFORE_ABOUT_YOU_EFFECTS = List.of("started test-chat/1", "consent test-chat/1",
            "reply healthy=Walking in the park", "reply barriers=The buses are unreliable",
            "reply followup=The 42 is always late", "reply one_thing=More buses in the evening");
    static final List<String> HAPPY_EFFECTS = concat(BEFORE_ABOUT_YOU_EFFECTS,
            "profile area=LS12", "profile age_band=25_to_44", "profile community=Carers group", "optin true");

    record Scenario(String name, List<String> inputs, String step, Status status, List<String> effects, String lastSaid) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Scenario> scenarios() {
        return Stream.of(
                row("happy path with buttons", HAPPY_PATH, "thanks", FINISHED, HAPPY_EFFECTS, stepText("thanks")),
                row("happy path all typed",
                        List.of("hello", "yeah", "Walking in the park", "The buses are unreliable", "The 42 is always late",
                                "More buses in the evening", "ok", "LS12", "25-44", "Carers group", "yes"),
                        "thanks", FINISHED, HAPPY_EFFECTS, stepText("thanks")),
                row("first message ever is hi: welcome and consent", List.of("hi"), "consent", ACTIVE,
                        List.of("started test-chat/1"), stepText("consent")),
                row("first message ever is a sticker: starts too", List.of("<sticker>"), "consent", ACTIVE,
                        List.of("started test-chat/1"), stepText("welcome")),
                row("/start CODE sets the event code", List.of("/start leeds-market"), "consent", ACTIVE,
                        List.of("started test-chat/1 @leeds-market"), stepText("consent")),
                row("/start code: first word, at most 64 characters", List.of("/start " + "x".repeat(70) + " extra"),
                        "consent", ACTIVE, List.of("started test-chat/1 @" + "x".repeat(64)), stepText("consent")),
                row("/help first: help, then consent", List.of("/help"), "consent", ACTIVE,
                        List.of("started test-chat/1"), text(BotText.HELP)),
                row("hi at consent is not an answer", List.of("hi", "hi"), "consent", ACTIVE,
                        List.of("started test-chat/1"), text(BotText.NOT_UNDERSTOOD)),

                row("consent refused", List.of("hi", "[No thanks]"), "consent", DECLINED,
                        List.of("started test-chat/1", "refused test-chat/1"), text(BotText.CONSENT_REFUSED)),
                row("consent refused by typing nah", List.of("hi", "nah"), "consent", DECLINED,
                        List.of("started test-chat/1", "refused test-chat/1"), text(BotText.CONSENT_REFUSED)),
                row("declined, then a message: reminder, nothing kept", List.of("hi", "[No thanks]", "actually the buses"),
                        "consent", DECLINED, List.of("started test-chat/1", "refused test-chat/1"), text(BotText.DECLINED_REMINDER)),
                row("declined, then /start asks consent again", List.of("hi", "[No thanks]", "hello?", "/start"),
                        "consent", ACTIVE, List.of("started test-chat/1", "refused test-chat/1", "started test-chat/1"),
                        stepText("consent")),
                row("declined, then /start and yes", List.of("hi", "[No thanks]", "/start", YES),
                        "healthy", ACTIVE, List.of("started test-chat/1", "refused test-chat/1", "started test-chat/1",
                                "consent test-chat/1"), stepText("healthy")),

                row("skip about you", concat(TO_ABOUT_YOU, "[Skip]", "[No thanks]"), "thanks", FINISHED,
                        concat(BEFORE_ABOUT_YOU_EFFECTS, "optin false"), stepText("thanks")),
                row("typed no at about you skips it", concat(TO_ABOUT_YOU, "no"), "optin", ACTIVE,
                        BEFORE_ABOUT_YOU_EFFECTS, stepText("optin")),
                row("skip every profile field", concat(TO_ABOUT_YOU, "[OK]", "[Skip]", "[Skip]", "skip", "[Yes please]"),
                        "thanks", FINISHED, concat(BEFORE_ABOUT_YOU_EFFECTS, "optin true"), stepText("thanks")),
                row("skip the area only", concat(TO_ABOUT_YOU, "[OK]", "skip", "[75+]", "Mosque", "[No thanks]"),
                        "thanks", FINISHED, concat(BEFORE_ABOUT_YOU_EFFECTS, "profile age_band=75_plus",
                                "profile community=Mosque", "optin false"), stepText("thanks")),
                row("prefer not to say is recorded", concat(TO_ABOUT_YOU, "[OK]", "Armley", "[Prefer not to say]"),
                        "community", ACTIVE, concat(BEFORE_ABOUT_YOU_EFFECTS, "profile area=Armley",
                                "profile age_band=prefer_not_to_say"), stepText("community")),
                row("a full postcode keeps only its district", concat(TO_ABOUT_YOU, "[OK]", "ls12 3ab"),
                        "age_band", ACTIVE, concat(BEFORE_ABOUT_YOU_EFFECTS, "profile area=LS12"), stepText("age_band")),
                row("skip the follow-up", List.of("hi", YES, "parks", "buses", "[Skip]"), "one_thing", ACTIVE,
                        List.of("started test-chat/1", "consent test-chat/1", "reply healthy=parks", "reply barriers=buses"),
                        stepText("one_thing")),
                row("no at a required question is an answer", List.of("hi", YES, "no"), "barriers", ACTIVE,
                        List.of("started test-chat/1", "consent test-chat/1", "reply healthy=no"), stepText("barriers")),

                row("/stop mid-way", concat(TO_BARRIERS, "/stop"), "barriers", STOPPED,
                        List.of("started test-chat/1", "consent test-chat/1", "reply healthy=Walking in the park", "stopped"),
                        text(BotText.STOPPED)),
                row("/stop, then a message: reminder, nothing recorded", concat(TO_BARRIERS, "/stop", "the buses"),
                        "barriers", STOPPED, List.of("started test-chat/1", "consent test-chat/1",
                                "reply healthy=Walking in the park", "stopped"), text(BotText.STOPPED_REMINDER)),
                row("/stop, message, /start resumes where it was", concat(TO_BARRIERS, "/stop", "hello", "/start"),
                        "barriers", ACTIVE, List.of("started test-chat/1", "consent test-chat/1",
                                "reply healthy=Walking in the park", "stopped", "resumed"), stepText("barriers")),
                row("/stop twice records it once", concat(TO_BARRIERS, "/stop", "/stop"), "barriers", STOPPED,
                        List.of("started test-chat/1", "consent test-chat/1", "reply healthy=Walking in the park", "stopped"),
                        text(BotText.STOPPED)),
                row("/stop then /start with a new code starts afresh", concat(TO_BARRIERS, "/stop", "/start park-day"),
                        "healthy", ACTIVE, List.of("started test-chat/1", "consent test-chat/1",
                                "reply healthy=Walking in the park", "stopped", "started test-chat/1 @park-day"),
                        stepText("healthy")),
                row("/stop at consent, /start asks consent again", List.of("hi", "/stop", "/start"), "consent", ACTIVE,
                        List.of("started test-chat/1", "stopped", "resumed"), stepText("consent")),
                row("/stop from someone never seen", List.of("/stop"), "consent", STOPPED,
                        List.of("started test-chat/1", "stopped"), text(BotText.STOPPED)),

                row("/forget, confirmed by button", concat(TO_BARRIERS, "/forget", "[Yes, delete it all]"), null, null,
                        List.of("started test-chat/1", "consent test-chat/1", "reply healthy=Walking in the park", "forget"),
                        text(BotText.FORGOTTEN)),
                row("/forget, confirmed by typing yes", concat(TO_BARRIERS, "/forget", "yes"), null, null,
                        List.of("started test-chat/1", "consent test-chat/1", "reply healthy=Walking in the park", "forget"),
                        text(BotText.FORGOTTEN)),
                row("/forget, then the next message starts fresh", concat(TO_BARRIERS, "/forget", "[Yes, delete it all]", "hi"),
                        "consent", ACTIVE, List.of("started test-chat/1", "consent test-chat/1",
                                "reply healthy=Walking in the park", "forget", "started test-chat/1"), stepText("consent")),
                row("/forget, cancelled by button", concat(TO_BARRIERS, "/forget", "[No, keep it]"), "barriers", ACTIVE,
                        List.of("started test-chat/1", "consent test-chat/1", "reply healthy=Walking in the park"),
                        stepText("barriers")),
                row("/forget, cancelled by other text (not recorded)", concat(TO_BARRIERS, "/forget", "the buses"),
                        "barriers", ACTIVE, List.of("started test-chat/1", "consent test-chat/1",
                                "reply healthy=Walking in the park"), text(BotText.FORGET_CANCELLED)),
                row("/forget, cancelled by a sticker", concat(TO_BARRIERS, "/forget", "<sticker>"), "barriers", ACTIVE,
                        List.of("started test-chat/1", "consent test-chat/1", "reply healthy=Walking in the park"),
                        stepText("barriers")),
                row("/forget, then /help cancels it", concat(TO_BARRIERS, "/forget", "/help", "the buses"), "followup", ACTIVE,
                        List.of("started test-chat/1", "consent test-chat/1", "reply healthy=Walking in the park",
                                "reply barriers=the buses"), stepText("followup")),
                row("/forget after declining", List.of("hi", "[No thanks]", "/forget", "[Yes, delete it all]"), null, null,
                        List.of("started test-chat/1", "refused test-chat/1", "forget"), text(BotText.FORGOTTEN)),
                row("/forget from someone never seen", List.of("/forget"), null, null, List.of("forget"), text(BotText.FORGOTTEN)),

                row("/mydata mid-way does not move", concat(TO_BARRIERS, "/mydata"), "barriers", ACTIVE,
                        List.of("started test-chat/1", "consent test-chat/1", "reply healthy=Walking in the park", "mydata"), ""),
                row("/mydata from someone never seen", List.of("/mydata"), null, null, List.of("mydata"), ""),

                row("/restart after consent: first question", concat(TO_BARRIERS, "/restart"), "healthy", ACTIVE,
                        List.of("started test-chat/1", "consent test-chat/1", "reply healthy=Walking in the park",
                                "started test-chat/1"), text(BotText.RESTARTED)),
                row("/restart before consent: consent", List.of("hi", "/restart"), "consent", ACTIVE,
                        List.of("started test-chat/1", "started test-chat/1"), stepText("consent")),
                row("/restart keeps the event code", List.of("/start market", YES, "parks", "/restart"), "healthy", ACTIVE,
                        List.of("started test-chat/1 @market", "consent test-chat/1", "reply healthy=parks",
                                "started test-chat/1 @market"), stepText("healthy")),
                row("/restart after the end", concat(HAPPY_PATH, "/restart"), "healthy", ACTIVE,
                        concat(HAPPY_EFFECTS, "started test-chat/1"), stepText("healthy")),
                row("/restart after /stop", concat(TO_BARRIERS, "/stop", "/restart"), "healthy", ACTIVE,
                        List.of("started test-chat/1", "consent test-chat/1", "reply healthy=Walking in the park", "stopped",
                                "started test-chat/1"), stepText("healthy")),

                row("/help does not move", concat(TO_BARRIERS, "/help"), "barriers", ACTIVE,
                        List.of("started test-chat/1", "consent test-chat/1", "reply healthy=Walking in the park"),
                        stepText("barriers")),
                row("/help when stopped says help only", concat(TO_BARRIERS, "/stop", "/help"), "barriers", STOPPED,
                        List.of("started test-chat/1", "consent test-chat/1", "reply healthy=Walking in the park", "stopped"),
                        text(BotText.HELP)),
                row("unknown command: gentle hint, no move", concat(TO_BARRIERS, "/banana"), "barriers", ACTIVE,
                        List.of("started test-chat/1", "consent test-chat/1", "reply healthy=Walking in the park"),
                        text(BotText.UNKNOWN_COMMAND)),
                row("/start while running: welcome back", concat(TO_BARRIERS, "/start"), "barriers", ACTIVE,
                        List.of("started test-chat/1", "consent test-chat/1", "reply healthy=Walking in the park"),
                        text(BotText.WELCOME_BACK)),
                row("/start with the same code while running: welcome back", List.of("/start market", YES, "/start market"),
                        "healthy", ACTIVE, List.of("started test-chat/1 @market", "consent test-chat/1"), text(BotText.WELCOME_BACK)),
                row("/start with a new code while running: fresh for that event", List.of("/start market", YES, "/start library"),
                        "healthy", ACTIVE, List.of("started test-chat/1 @market", "consent test-chat/1",
                                "started test-chat/1 @library"), stepText("healthy")),
                row("/start with a new code before consent: consent again", List.of("/start market", "/start library"),
                        "consent", ACTIVE, List.of("started test-chat/1 @market", "started test-chat/1 @library"),
                        stepText("consent")),

                row("text after the end is kept as after_end", concat(HAPPY_PATH, "Oh, and the library!"), "thanks", FINISHED,
                        concat(HAPPY_EFFECTS, "reply after_end=Oh, and the library!"), text(BotText.AFTER_END)),
                row("blank text after the end is not kept", concat(HAPPY_PATH, "  "), "thanks", FINISHED,
                        HAPPY_EFFECTS, text(BotText.AFTER_END)),
                row("/start after the end: a new conversation", concat(HAPPY_PATH, "/start"), "healthy", ACTIVE,
                        concat(HAPPY_EFFECTS, "started test-chat/1"), stepText("healthy")),
                row("/mydata after the end", concat(HAPPY_PATH, "/mydata"), "thanks", FINISHED,
                        concat(HAPPY_EFFECTS, "mydata"), ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void walks(Scenario s) {
        Chat chat = new Chat().sendAll(s.inputs());
        if (s.step() == null) {
            assertNull(chat.state, "nothing is kept");
        } else {
            assertEquals(s.step(), chat.state.step(), "step");
            assertEquals(s.status(), chat.state.status(), "status");
        }
        assertEquals(s.effects(), chat.briefEffects(), "effects, in order");
        assertTrue(chat.said().contains(s.lastSaid()), () -> "expected the bot to say\n  " + s.lastSaid() + "\nbut it said\n  " + chat.said());
    }

    static Scenario row(String name, List<String> inputs, String step, Status status, List<String> effects, String lastSaid) {
        return new Scenario(name, inputs, step, status, effects, lastSaid);
    }

    static List<String> concat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(Arrays.asList(tail));
        return List.copyOf(all);
    }
}
