package org.chinwag.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** What typed words mean at each kind of step of the tests' own script (the Big Chat's shape). */
class TypedAnswersTest {

    static final Script SCRIPT = Chat.script();

    static Stream<Arguments> typed() {
        return Stream.of(
                // step, typed, what it means ("=value" a button, "typed", "skipped", "unclear", "nothing")
                Arguments.of("consent", "yes", "=yes"),
                Arguments.of("consent", "Y", "=yes"),
                Arguments.of("consent", "Yeah!", "=yes"),
                Arguments.of("consent", "ok 👍", "=yes"),
                Arguments.of("consent", "Yes, let's begin", "=yes"),
                Arguments.of("consent", "no", "=no"),
                Arguments.of("consent", "Nah", "=no"),
                Arguments.of("consent", "no thanks.", "=no"),
                Arguments.of("consent", "maybe later", "unclear"),
                Arguments.of("consent", "skip", "=no"),
                Arguments.of("about_you", "ok", "=ok"),
                Arguments.of("about_you", "yes", "=ok"),
                Arguments.of("about_you", "no", "=skip"),
                Arguments.of("about_you", "Skip", "=skip"),
                Arguments.of("age_band", "25-44", "=25_to_44"),
                Arguments.of("age_band", "25 – 44", "=25_to_44"),
                Arguments.of("age_band", "75+", "=75_plus"),
                Arguments.of("age_band", "under 16", "=under_16"),
                Arguments.of("age_band", "Prefer not to say", "=prefer_not_to_say"),
                Arguments.of("age_band", "skip", "skipped"),
                Arguments.of("age_band", "33", "unclear"),
                Arguments.of("area", "Armley", "typed"),
                Arguments.of("area", "skip", "skipped"),
                Arguments.of("area", "no", "skipped"),
                Arguments.of("community", "none", "skipped"),
                Arguments.of("followup", "no", "skipped"),
                Arguments.of("followup", "The 42 bus", "typed"),
                Arguments.of("healthy", "no", "typed"),
                Arguments.of("healthy", "skip", "typed"),
                Arguments.of("optin", "yes please", "=yes"),
                Arguments.of("optin", "nope", "=no"),
                Arguments.of("optin", "", "nothing"));
    }

    @ParameterizedTest(name = "{1} at {0} means {2}")
    @MethodSource("typed")
    void typedTextMeans(String stepId, String text, String meaning) {
        Answer answer = TypedAnswers.interpret(SCRIPT.require(stepId), new Inbound.Text(text));
        assertEquals(meaning, describe(answer));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "LS12 3AB|LS12",
            "ls123ab|LS12",
            "Armley, LS12 3AB|Armley, LS12",
            "LS12|LS12",
            "SW1A 1AA|SW1A",
            "Armley|Armley",
            "M1 1AE please|M1 please"})
    void onlyThePostcodeDistrictIsKept(String typed, String kept) {
        assertEquals(kept, TypedAnswers.areaOnly(typed));
    }

    private static String describe(Answer answer) {
        if (answer instanceof Answer.Chosen c) return "=" + c.option().value();
        if (answer instanceof Answer.Typed) return "typed";
        if (answer instanceof Answer.Skipped) return "skipped";
        if (answer instanceof Answer.Unclear) return "unclear";
        return "nothing";
    }
}
