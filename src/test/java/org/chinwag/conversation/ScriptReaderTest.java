package org.chinwag.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A broken script is refused on load, with a message naming the file and the step. */
class ScriptReaderTest {

    static final String GOOD = goodYaml();

    static String goodYaml() {
        try {
            return Files.readString(Path.of("intents/scripts/big-chat.yaml"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The good script with {@code from} replaced by {@code to} (which must be there). */
    static String edited(String from, String to) {
        if (!GOOD.contains(from)) throw new IllegalArgumentException("not in the script: " + from);
        return GOOD.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
    }

    static Stream<Arguments> brokenScripts() {
        return Stream.of(
                Arguments.of("next names no step", edited("  - id: healthy\n", "  - id: healthy\n    next: nowhere\n"),
                        "step 'healthy': next 'nowhere' is not a step in this script"),
                Arguments.of("duplicate step id", edited("id: one_thing", "id: healthy"), "step 'healthy': duplicate step id"),
                Arguments.of("missing text", edited("    text: If you could ask", "    # text: If you could ask"),
                        "step 'one_thing': text is missing"),
                Arguments.of("unknown step type", edited("id: barriers\n    type: question", "id: barriers\n    type: quiz"),
                        "step 'barriers': unknown type 'quiz'"),
                Arguments.of("missing id", edited("id: big-chat\n", ""), "missing id"),
                Arguments.of("missing version", edited("version: 2\n", ""), "missing version"),
                Arguments.of("version not a number", edited("version: 2\n", "version: one\n"), "missing version"),
                Arguments.of("missing message", edited("  skip_button: Skip\n", ""), "message 'skip_button' is missing"),
                Arguments.of("misspelt key", edited("    text: Which age group", "    txt: Which age group"),
                        "step 'age_band': unknown key 'txt'"),
                Arguments.of("unknown message", edited("  skip_button: Skip\n", "  skip_button: Skip\n  goodbye: Bye\n"),
                        "messages: unknown key 'goodbye'"),
                Arguments.of("option value read as a number", edited("value: 16_to_24", "value: 16_24"),
                        "step 'age_band': option value 1624 is not read as text; put it in quotes"),
                Arguments.of("duplicate option value", edited("value: 25_to_44", "value: 16_to_24"),
                        "step 'age_band': option value '16_to_24' is used twice"),
                Arguments.of("choice option to nowhere", edited("next: optin\n", "next: opt_in\n"),
                        "step 'about_you': option 'skip' next 'opt_in' is not a step in this script"),
                Arguments.of("consent without a no button", edited("      no: No thanks\n\n  - id: healthy", "\n  - id: healthy"),
                        "step 'consent': buttons.no is missing"),
                Arguments.of("skippable not true or false", edited("    skippable: true\n", "    skippable: yes\n"),
                        "step 'followup': skippable must be true or false"),
                Arguments.of("profile with an unknown field", edited("field: community", "field: religion"),
                        "step 'community': field must be one of"),
                Arguments.of("unknown placeholder", edited("for {retention}, then", "for {retain}, then"), "{retain} is not in the 'shared' section"),
                Arguments.of("no end step", edited("type: end", "type: question"), "the script needs an end step"),
                Arguments.of("end step with a next", edited("    type: end\n", "    type: end\n    next: healthy\n"),
                        "step 'thanks': an end step cannot have a next"),
                Arguments.of("a button step marked skippable", edited("    type: optin\n", "    type: optin\n    skippable: true\n"),
                        "step 'optin': a optin step cannot be skippable"),
                Arguments.of("a step id with spaces", edited("id: one_thing", "id: one thing"),
                        "step 'one thing': id must be lower-case"),
                Arguments.of("a text too long for one message",
                        edited("    text: Which age group are you in?", "    text: " + "Which age group? ".repeat(300)),
                        "step 'age_band': text is too long for one message"),
                Arguments.of("message steps in a circle", edited("    type: message\n", "    type: message\n    next: welcome\n"),
                        "step 'welcome': message steps lead round in a circle"),
                Arguments.of("not YAML at all", "id: [unclosed", "not valid YAML"),
                Arguments.of("themes on a question", edited("  - id: healthy\n", "  - id: healthy\n    themes: {transport: Buses}\n"),
                        "step 'healthy': only followup steps have themes"),

                Arguments.of("reflect about a step that is not there", edited("about: barriers", "about: nowhere"),
                        "step 'reflect': about 'nowhere' is not a question step in this script"),
                Arguments.of("reflect about a button step", edited("about: barriers", "about: consent"),
                        "step 'reflect': about 'consent' is not a question step in this script"),
                Arguments.of("reflect without about", edited("    about: barriers\n", ""), "step 'reflect': a reflect step needs 'about'"),
                Arguments.of("a theme the follow-up uses has no phrase", edited("      transport: getting around\n", ""),
                        "step 'reflect': phrases has no words for theme 'transport' (used by step 'followup')"),
                Arguments.of("a pick label without a phrase", edited("      crime_safety: feeling safe\n", ""),
                        "step 'reflect': phrases has no words for theme 'crime_safety'"),
                Arguments.of("a phrase without a pick label", edited("        gp_access: Seeing a GP\n", ""),
                        "step 'reflect': pick.labels has no label for theme 'gp_access'"),
                Arguments.of("typed words for a theme without a phrase",
                        edited("      words:\n", "      words:\n        housing: [rent]\n"),
                        "step 'reflect': pick.words names theme 'housing', which has no phrase"),
                Arguments.of("typed words not a list",
                        edited("        transport: [bus, buses, train, trains, transport, travel, tram, cycling]", "        transport: buses"),
                        "step 'reflect': pick.words.transport must be a list of words"),
                Arguments.of("reflect text without {themes}",
                        edited("text: It sounds like {themes} matter to you.", "text: It sounds like that matters to you."),
                        "step 'reflect': text must contain {themes}"),
                Arguments.of("picked text without {themes}", edited("Got it: {themes}.", "Got it."),
                        "step 'reflect': pick.picked must contain {themes}"),
                Arguments.of("{themes} outside a reflect step", edited("text: Which age group are you in?", "text: Which {themes}?"),
                        "step 'age_band': text: {themes} is not in the 'shared' section"),
                Arguments.of("a missing pick wording", edited("      done: Done\n", ""), "step 'reflect': pick.done is missing"),
                Arguments.of("a misspelt pick key", edited("      none: None of these\n", "      nnone: None of these\n"),
                        "step 'reflect' pick: unknown key 'nnone'"),
                Arguments.of("reflect keys on another step", edited("  - id: healthy\n", "  - id: healthy\n    about: barriers\n"),
                        "step 'healthy': only reflect steps have 'about'"),
                Arguments.of("a plural theme that has no phrase", edited("plural: [children_activities,", "plural: [football,"),
                        "step 'reflect': plural names theme 'football', which has no phrase"),
                Arguments.of("a step named like the correction replies", edited("id: one_thing", "id: reflect_correction"),
                        "step 'reflect': no step may be called 'reflect_correction'"),
                Arguments.of("a reflect step without yes / not quite buttons", edited("      no: Not quite\n", ""),
                        "step 'reflect': buttons.no is missing"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenScripts")
    void refusedWithAClearMessage(String what, String yaml, String expected) {
        ScriptException e = assertThrows(ScriptException.class, () -> ScriptReader.read("scripts/test.yaml", yaml));
        assertTrue(e.getMessage().startsWith("scripts/test.yaml: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), () -> "expected '" + expected + "' in:\n" + e.getMessage());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String yaml = edited("id: one_thing", "id: healthy").replace("type: end", "type: ending");
        ScriptException e = assertThrows(ScriptException.class, () -> ScriptReader.read("x.yaml", yaml));
        assertTrue(e.problems().size() >= 2, e.getMessage());
    }

    @Test
    void theDefaultScriptReadsAsWritten() {
        Script script = ScriptReader.read("big-chat.yaml", GOOD);
        assertEquals("big-chat", script.id());
        assertEquals(2, script.version());
        assertEquals("en-GB", script.language());
        assertEquals("welcome", script.first().id());
        assertEquals("healthy", script.startOfQuestions().id());
        assertTrue(script.require("consent").text().contains("up to 2 years"), "shared texts are filled in");
        assertEquals("Yes, I'm happy to chat", script.require("consent").option("yes").orElseThrow().label());
        assertEquals(10, script.require("followup").themeTexts().size());
        for (BotText key : BotText.values()) assertTrue(!script.text(key).isBlank(), key.yamlKey());
    }

    /** The ten Ask theme ids of themes.md: the reflect step must be able to say back and offer every one. */
    static final java.util.Set<String> THEME_IDS = java.util.Set.of("children_activities", "local_activities", "face_to_face",
            "gp_access", "local_facilities", "crime_safety", "mental_health", "affordable_activities", "green_spaces", "transport");

    @Test
    void theReflectStepHasWordsAndALabelForEveryTheme() {
        Step reflect = ScriptReader.read("big-chat.yaml", GOOD).require("reflect");
        assertEquals(StepType.REFLECT, reflect.type());
        assertEquals("barriers", reflect.reflect().about());
        assertEquals(THEME_IDS, reflect.reflect().phrases().keySet());
        assertEquals(THEME_IDS, reflect.reflect().labels().keySet());
        assertEquals(THEME_IDS, reflect.reflect().words().keySet());
        assertEquals("getting around", reflect.reflect().phrases().get("transport"));
        assertTrue(reflect.skippable(), "a reflect step can always be skipped");
    }

    @Test
    void yesAndNoKeysAndLabelsStayText() {
        String yaml = edited("      no: No thanks\n\n  - id: healthy", "      no: No\n\n  - id: healthy");
        assertEquals("No", ScriptReader.read("x.yaml", yaml).require("consent").option("no").orElseThrow().label());
    }
}
